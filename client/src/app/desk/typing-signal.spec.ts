import { TYPING_IDLE_MS, TYPING_THROTTLE_MS, TypingSignal } from './typing-signal';

describe(TypingSignal.name, () => {
  let sent: boolean[];
  let now: number;
  let signal: TypingSignal;

  beforeEach(() => {
    jest.useFakeTimers();
    sent = [];
    now = 0;
    signal = new TypingSignal((typing) => sent.push(typing), () => now);
  });

  afterEach(() => jest.useRealTimers());

  it('should say typing at once, then at most every few seconds', () => {
    signal.input(true);
    now += 1000;
    signal.input(true);
    now += 1000;
    signal.input(true);
    expect(sent).toEqual([true]);
    now += TYPING_THROTTLE_MS;
    signal.input(true);
    expect(sent).toEqual([true, true]);
  });

  it('should say stopped after a pause', () => {
    signal.input(true);
    jest.advanceTimersByTime(TYPING_IDLE_MS - 1);
    expect(sent).toEqual([true]);
    jest.advanceTimersByTime(1);
    expect(sent).toEqual([true, false]);
  });

  it('should say stopped when the box is emptied, once', () => {
    signal.input(true);
    signal.input(false);
    signal.stop();
    jest.advanceTimersByTime(TYPING_IDLE_MS);
    expect(sent).toEqual([true, false]);
  });
});
