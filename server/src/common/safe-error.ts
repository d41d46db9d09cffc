/**
 * What of an error may be logged: never the object itself, because a failed query carries its
 * parameters (message bodies, phone numbers, password hashes).
 */
export function safeError(err: unknown): { name?: string; message: string; stack?: string } {
  return err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : { message: String(err) };
}
