import type { TimelineEvent } from '@hearth/contract';

/** The case's own bookkeeping events: the story tells them already, in its own sections. */
const TOLD_ELSEWHERE = new Set(['case.opened', 'case.resolved', 'gesture']);

/** The events worth quoting in a story, oldest first. */
export function excerptEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events.filter((e) => !TOLD_ELSEWHERE.has(e.kind));
}

/** Paragraphs of a text someone wrote (blank lines or single newlines both start one). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
