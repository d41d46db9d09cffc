import { forumReturnUrl, isForumAuthPage } from './forum-return-url';

describe('forumReturnUrl', () => {
  it.each([
    ['/forum/threads/t1', '/forum/threads/t1'],
    ['/forum/boards/help/new', '/forum/boards/help/new'],
    ['/forum', '/forum'],
    ['/forum?x=1', '/forum?x=1'],
  ])('should keep the forum path %s', (url, expected) => {
    expect(forumReturnUrl(url)).toBe(expected);
  });

  it.each([
    [null],
    [undefined],
    [''],
    ['https://evil.example/forum'],
    ['//evil.example/forum'],
    ['/\\evil.example'],
    ['/forum\\..\\desk'],
    ['/forum/../desk'],
    ['/forum//evil.example'],
    ['/forumx'],
    ['/desk/customers/c1'],
    ['/login'],
    ['javascript:alert(1)'],
    ['/forum/sign-in?returnUrl=/forum'],
    ['/forum/register'],
  ])('should fall back to the forum home for %s', (url) => {
    expect(forumReturnUrl(url)).toBe('/forum');
  });

  it('should tell the sign-in and register pages apart from the rest', () => {
    expect(isForumAuthPage('/forum/sign-in?returnUrl=%2Fforum')).toBe(true);
    expect(isForumAuthPage('/forum/register')).toBe(true);
    expect(isForumAuthPage('/forum/registered-things')).toBe(false);
    expect(isForumAuthPage('/forum/threads/t1')).toBe(false);
  });
});
