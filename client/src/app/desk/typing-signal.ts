/** Says "typing" at most this often while someone keeps typing. */
export const TYPING_THROTTLE_MS = 3_000;
/** …and "stopped" after this long without a keystroke. */
export const TYPING_IDLE_MS = 4_000;

/**
 * Turns keystrokes into few typing signals: true at once and then at most every few seconds,
 * false after a pause, on sending, or when the box is emptied.
 */
export class TypingSignal {
  private typing = false;
  private lastSent = 0;
  private idle?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly emit: (typing: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** A keystroke; `hasText` is false when the box is now empty. */
  input(hasText: boolean): void {
    if (!hasText) {
      this.stop();
      return;
    }
    const now = this.now();
    if (!this.typing || now - this.lastSent >= TYPING_THROTTLE_MS) {
      this.typing = true;
      this.lastSent = now;
      this.emit(true);
    }
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  stop(): void {
    clearTimeout(this.idle);
    if (!this.typing) return;
    this.typing = false;
    this.emit(false);
  }
}
