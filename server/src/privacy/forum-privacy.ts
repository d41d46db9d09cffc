import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { ForumMemberEntity, ForumPostEntity, ForumSessionEntity, ForumThreadEntity } from '../forum/entities';

/** What a member's public posts and thread titles read once the member asked to be erased. */
export const FORUM_TOMBSTONE = '此内容已应用户要求删除 · Removed at the member’s request';
/** Their forum name afterwards (other people's pages still show that someone posted). */
export const ERASED_MEMBER_NAME = '已注销用户';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The forum's rows of one person (accounts of these customer ids), for export and erasure. Kept
 * here, beside the rest of privacy, so the forum module stays about the forum; it reads and writes
 * the forum's own tables through its entities.
 */
export async function forumRowsOf(m: EntityManager, customerIds: string[]) {
  const accounts = await m.find(ForumMemberEntity, { where: { customerId: In(customerIds) }, order: { createdAt: 'ASC' } });
  const memberIds = accounts.map((a) => a.id);
  if (!memberIds.length) return { accounts, threads: [], posts: [] };
  const threads = await m.find(ForumThreadEntity, { where: { authorMemberId: In(memberIds) }, order: { createdAt: 'ASC' } });
  const posts = await m.find(ForumPostEntity, { where: { authorMemberId: In(memberIds) }, order: { id: 'ASC' } });
  return { accounts, threads, posts };
}

/** A forum account for the export: everything but its password hash. */
export function exportedAccount(a: ForumMemberEntity) {
  const { passwordHash: _secret, ...rest } = a;
  return rest;
}

/**
 * Disables the accounts of these customers and blanks what they wrote in public: the username
 * becomes `deleted-<short id>` (no one can sign in or take it), the password hash and phone go,
 * sessions end; their posts and thread titles read the tombstone and show no images (the thread
 * and its replies by others keep their place). Answers the images their posts showed.
 */
export async function eraseForumAccounts(m: EntityManager, customerIds: string[]): Promise<{ memberIds: string[]; imageIds: string[] }> {
  const { accounts, posts, threads } = await forumRowsOf(m, customerIds);
  const memberIds = accounts.map((a) => a.id);
  if (!memberIds.length) return { memberIds, imageIds: [] };
  const imageIds = posts.flatMap((p) => (p.images ?? []).map((i) => i.id));
  await m.delete(ForumSessionEntity, { memberId: In(memberIds) });
  for (const account of accounts) {
    await m.update(ForumMemberEntity, { id: account.id }, {
      username: `deleted-${account.id.replace(/-/g, '').slice(0, 12)}`,
      displayName: ERASED_MEMBER_NAME,
      passwordHash: '',
      phone: null,
    });
  }
  if (posts.length) {
    await m.update(ForumPostEntity, { id: In(posts.map((p) => p.id)) }, {
      bodyMarkdown: FORUM_TOMBSTONE,
      bodyHtml: `<p>${escapeHtml(FORUM_TOMBSTONE)}</p>`,
      images: [],
    });
  }
  if (threads.length) await m.update(ForumThreadEntity, { id: In(threads.map((t) => t.id)) }, { title: FORUM_TOMBSTONE });
  return { memberIds, imageIds };
}
