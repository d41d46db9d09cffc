/** Where the forum starts: the home page. */
export const FORUM_HOME = '/forum';

const AUTH_PAGES = /^\/forum\/(?:sign-in|register)(?:[/?#]|$)/;

/**
 * Where to go after signing in or registering: a path inside the forum only — never another site
 * (`//evil.example`, `\\evil`), never outside the forum (the desk has its own sign-in), and never
 * back to a sign-in page. Anything else reads as the forum home.
 */
export function forumReturnUrl(url: unknown): string {
  if (typeof url !== 'string') return FORUM_HOME;
  if (!/^\/forum(?:[/?#]|$)/.test(url)) return FORUM_HOME;
  // Browsers read backslashes as slashes, and `..` could climb out of /forum.
  if (url.includes('\\') || url.includes('//') || /(?:^|\/)\.\.(?:[/?#]|$)/.test(url)) return FORUM_HOME;
  if (AUTH_PAGES.test(url)) return FORUM_HOME;
  return url;
}

/** Whether `url` is the forum's own sign-in or register page. */
export function isForumAuthPage(url: string): boolean {
  return AUTH_PAGES.test(url);
}
