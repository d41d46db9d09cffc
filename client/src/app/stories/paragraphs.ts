/** Paragraphs of a text someone wrote (blank lines or single newlines both start one). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
