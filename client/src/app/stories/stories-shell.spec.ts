import { StoriesShell, storiesTabFor } from './stories-shell';

describe(StoriesShell.name, () => {
  it('should mark 故事 for the feed and for a single story, and 主题 / 我的 for their pages', () => {
    expect(storiesTabFor('/stories')).toBe('/stories');
    expect(storiesTabFor('/stories?theme=屏幕')).toBe('/stories');
    expect(storiesTabFor('/stories/0b3c-case')).toBe('/stories');
    expect(storiesTabFor('/stories/themes?month=2026-10')).toBe('/stories/themes');
    expect(storiesTabFor('/stories/mine')).toBe('/stories/mine');
  });
});
