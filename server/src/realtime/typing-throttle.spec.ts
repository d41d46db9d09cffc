import { forwardTyping } from './typing-throttle';

describe(forwardTyping.name, () => {
  it('should let one "typing" per second through, and every "stopped"', () => {
    const state = {};
    expect(forwardTyping(state, true, 0)).toBe(true);
    expect(forwardTyping(state, true, 300)).toBe(false);
    expect(forwardTyping(state, true, 999)).toBe(false);
    expect(forwardTyping(state, true, 1000)).toBe(true);
    expect(forwardTyping(state, false, 1001)).toBe(true);
    expect(forwardTyping(state, true, 1002)).toBe(true);
  });
});
