import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { rawSql } from '../database/raw-sql';
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
export async function eraseForumAccounts(
  m: EntityManager,
  customerIds: string[],
): Promise<{ memberIds: string[]; imageIds: string[]; quoted: Quoted }> {
  const { accounts, posts, threads } = await forumRowsOf(m, customerIds);
  const memberIds = accounts.map((a) => a.id);
  const quoted: Quoted = {
    titles: new Map(threads.map((t) => [t.id, t.title])),
    members: new Map(accounts.map((a) => [a.username, { displayName: a.displayName, username: erasedUsername(a.id) }])),
  };
  if (!memberIds.length) return { memberIds, imageIds: [], quoted };
  const imageIds = posts.flatMap((p) => (p.images ?? []).map((i) => i.id));
  await m.delete(ForumSessionEntity, { memberId: In(memberIds) });
  for (const account of accounts) {
    await m.update(ForumMemberEntity, { id: account.id }, {
      username: erasedUsername(account.id),
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
  return { memberIds, imageIds, quoted };
}

const erasedUsername = (memberId: string) => `deleted-${memberId.replace(/-/g, '').slice(0, 12)}`;

/** What an erased member left quoted elsewhere: their threads' titles, their names (by username). */
export type Quoted = { titles: Map<string, string>; members: Map<string, { displayName: string; username: string }> };

/**
 * Forum events on other people's timelines that quote an erased member: replies and statuses in a
 * thread they started carry its title, and an answer of theirs that solved someone's question
 * carries their name. Answers each such event with the quotes replaced (the tombstone title,
 * the erased name), for TimelineService.redactQuotes. Their own events are already blank.
 */
export async function forumQuoteChanges(m: EntityManager, quoted: Quoted) {
  const threadIds = [...quoted.titles.keys()];
  const usernames = [...quoted.members.keys()];
  if (!threadIds.length && !usernames.length) return [];
  const pg = m.connection.options.type === 'postgres';
  const threadOf = pg ? "details->>'threadId'" : "json_extract(details, '$.threadId')";
  const helperOf = pg ? "details->'solvedBy'->>'username'" : "json_extract(details, '$.solvedBy.username')";
  const marks = (from: number, n: number) => Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ') || 'NULL';
  const rows = await rawSql<{ id: number; body: string; details: string | Record<string, unknown> }[]>(
    m,
    `SELECT id, body, details FROM events WHERE channel = 'forum'
       AND (${threadOf} IN (${marks(1, threadIds.length)}) OR ${helperOf} IN (${marks(threadIds.length + 1, usernames.length)}))`,
    [...threadIds, ...usernames],
  );
  return rows.map((row) => {
    const details = { ...(typeof row.details === 'string' ? JSON.parse(row.details) : row.details) } as Record<string, unknown>;
    let body = row.body;
    const title = quoted.titles.get(String(details.threadId));
    if (title) {
      body = body.split(title).join(FORUM_TOMBSTONE);
      details.threadTitle = FORUM_TOMBSTONE;
    }
    const solvedBy = details.solvedBy as { kind?: string; username?: string; displayName?: string } | undefined;
    const helper = solvedBy?.kind === 'member' && solvedBy.username ? quoted.members.get(solvedBy.username) : undefined;
    if (helper) {
      body = body.split(helper.displayName).join(ERASED_MEMBER_NAME);
      details.solvedBy = { ...solvedBy, username: helper.username, displayName: ERASED_MEMBER_NAME, seniorFan: false };
    }
    return { id: Number(row.id), body, details };
  });
}
