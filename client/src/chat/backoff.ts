/** Exponential, capped at 30 s, with jitter so many pages coming back at once spread out. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)) * (0.75 + Math.random() * 0.5);
}
