/** At most one "is typing" per socket per second goes out; "stopped" always does. */
export const TYPING_INTERVAL_MS = 1000;

export function forwardTyping(state: { lastTypingAt?: number }, typing: boolean, now = Date.now()): boolean {
  if (!typing) {
    state.lastTypingAt = undefined;
    return true;
  }
  if (state.lastTypingAt !== undefined && now - state.lastTypingAt < TYPING_INTERVAL_MS) return false;
  state.lastTypingAt = now;
  return true;
}
