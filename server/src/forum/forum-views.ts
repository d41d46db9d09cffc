import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, SelectQueryBuilder } from 'typeorm';
import { isEventId, UUID_PATTERN } from '../common/ids';
import { decodeKeyset, encodeKeyset } from '../common/keyset-cursor';
import type {
  ForumAuthor,
  ForumMemberProfile,
  ForumPost,
  ForumServerToClientEvents,
  ForumStatusChange,
  ForumThread,
  ForumThreadPage,
  ForumThreadSummary,
} from '../realtime/contract';
import { Staff } from '../staff/staff.entity';
import { ForumBoardEntity, ForumMemberEntity, ForumPostEntity, ForumStatusChangeEntity, ForumThreadEntity } from './entities';
import { ForumReader } from './forum-reader';
import { ForumErrors } from './forum.errors';
import { memberAuthor, staffAuthor } from './forum.mapper';
import { excerpt, plainText } from './markdown';

/** Posts a thread page comes with; the rest page on with `…/posts?after=`. */
export const THREAD_PAGE = 50;
/** What a thread list keeps of a member's threads and answers on their profile. */
const PROFILE_LIST = 20;

type Authored = { authorMemberId: string | null; authorStaffId: string | null };
type Directory = { members: Map<string, ForumMemberEntity>; staff: Map<string, Pick<Staff, 'id' | 'displayName'>> };
export type ThreadHeader = Parameters<ForumServerToClientEvents['forum.thread']>[0];

const unique = <T>(values: (T | null | undefined)[]) => [...new Set(values.filter((v): v is T => v !== null && v !== undefined))];

/** Whether a reader sees a hidden post: staff, and the post's own author. */
export const seesHidden = (post: Pick<ForumPostEntity, 'authorMemberId'>, reader: ForumReader) =>
  reader.kind === 'staff' || (reader.kind === 'member' && post.authorMemberId === reader.member.id);

/**
 * The read side: thread lists, threads, posts and profiles, each as this reader may see them.
 * The public never receives a hidden post: not in posts, counts, excerpts, last posters or lists.
 */
@Injectable()
export class ForumViews {
  constructor(private readonly dataSource: DataSource) {}

  private get m() {
    return this.dataSource.manager;
  }

  /** Threads whose opening post is visible (a hidden opening post takes the thread out of every list). */
  visibleThreads(): SelectQueryBuilder<ForumThreadEntity> {
    return this.m.createQueryBuilder(ForumThreadEntity, 't').innerJoin(ForumPostEntity, 'op', 'op.id = t.opening_post_id AND op.hidden_at IS NULL');
  }

  /** Newest activity first, keyset-paged on (last_activity_at, id), across non-archived boards or in one. */
  async page(boardId: string | null, before: string | undefined, limit: number): Promise<ForumThreadPage> {
    // An archived board stays readable on its own page; the all-boards list leaves it out.
    const qb = boardId
      ? this.visibleThreads().innerJoin(ForumBoardEntity, 'b', 'b.id = t.board_id').andWhere('t.board_id = :boardId', { boardId })
      : this.visibleThreads().innerJoin(ForumBoardEntity, 'b', 'b.id = t.board_id AND b.archived = :archived', { archived: false });
    if (before !== undefined) {
      const position = decodeKeyset(before, (id) => UUID_PATTERN.test(id));
      if (!position) throw ForumErrors.invalidCursor();
      const { at, id } = position;
      qb.andWhere(new Brackets((w) => w.where('t.last_activity_at < :at', { at }).orWhere('t.last_activity_at = :at AND t.id < :id', { at, id: id.toLowerCase() })));
    }
    const rows = await qb.orderBy('t.last_activity_at', 'DESC').addOrderBy('t.id', 'DESC').limit(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { threads: await this.summaries(page), nextCursor: rows.length > limit && last ? encodeKeyset(last.lastActivityAt, last.id) : null };
  }

  async summaries(threads: ForumThreadEntity[]): Promise<ForumThreadSummary[]> {
    if (!threads.length) return [];
    const boards = new Map((await this.m.findBy(ForumBoardEntity, { id: In(unique(threads.map((t) => t.boardId))) })).map((b) => [b.id, b]));
    const postIds = unique(threads.flatMap((t) => [t.openingPostId, t.lastPostId]));
    const posts = new Map(
      (postIds.length
        ? await this.m.find(ForumPostEntity, { select: { id: true, authorMemberId: true, authorStaffId: true, bodyMarkdown: true }, where: { id: In(postIds) } })
        : []
      ).map((p) => [p.id, p]),
    );
    const dir = await this.directory([...threads, ...posts.values()]);
    return threads.map((t) => {
      const board = boards.get(t.boardId)!;
      const opening = t.openingPostId ? posts.get(t.openingPostId) : undefined;
      const last = (t.lastPostId ? posts.get(t.lastPostId) : undefined) ?? opening;
      const author = this.author(dir, t);
      return {
        id: t.id,
        board: { id: board.id, slug: board.slug, name: board.name, kind: board.kind },
        title: t.title,
        author,
        // The start is enough for 140 characters; a long post is not lexed whole for a list.
        excerpt: opening ? excerpt(plainText(opening.bodyMarkdown.slice(0, 2000))) : '',
        createdAt: t.createdAt.toISOString(),
        lastActivityAt: t.lastActivityAt.toISOString(),
        lastPoster: last ? this.author(dir, last) : author,
        replyCount: t.replyCount,
        solved: !!t.solutionPostId,
        locked: !!t.lockedAt,
        feedbackStatus: board.kind === 'suggestion' ? t.feedbackStatus : null,
      };
    });
  }

  /** A thread this reader may open: 404 for a malformed id, an unknown thread, or (for the public) a hidden opening post. */
  async readableThread(threadId: string, reader: ForumReader): Promise<ForumThreadEntity> {
    const thread = UUID_PATTERN.test(threadId) ? await this.m.findOneBy(ForumThreadEntity, { id: threadId.toLowerCase() }) : null;
    if (!thread?.openingPostId) throw ForumErrors.threadNotFound();
    const opening = await this.m.findOneOrFail(ForumPostEntity, { select: { id: true, hiddenAt: true, authorMemberId: true }, where: { id: thread.openingPostId } });
    if (opening.hiddenAt && !seesHidden(opening, reader)) throw ForumErrors.threadNotFound();
    return thread;
  }

  /** `GET /api/forum/threads/:id`: the header, the accepted answer, the first page of posts and the status history. */
  async thread(threadId: string, reader: ForumReader): Promise<ForumThread> {
    const thread = await this.readableThread(threadId, reader);
    const [summary] = await this.summaries([thread]);
    const rows = await this.postsQuery(thread.id, reader).orderBy('p.id', 'ASC').limit(THREAD_PAGE + 1).getMany();
    const page = rows.slice(0, THREAD_PAGE);
    const solution = thread.solutionPostId
      ? (page.find((p) => p.id === thread.solutionPostId) ?? (await this.m.findOneBy(ForumPostEntity, { id: thread.solutionPostId })))
      : null;
    const visibleSolution = solution && (!solution.hiddenAt || seesHidden(solution, reader)) ? solution : null;
    const dir = await this.directory([...page, ...(visibleSolution ? [visibleSolution] : [])], page.map((p) => p.hiddenBy));
    return {
      ...summary,
      solution: visibleSolution ? this.toPost(visibleSolution, thread, dir, reader) : null,
      posts: page.map((p) => this.toPost(p, thread, dir, reader)),
      nextCursor: rows.length > THREAD_PAGE ? String(page[page.length - 1].id) : null,
      statusHistory: await this.statusHistory(thread.id),
      lockedAt: thread.lockedAt?.toISOString() ?? null,
    };
  }

  /** Posts after a known one, oldest first, as this reader may see them. */
  async postsAfter(threadId: string, after: string | undefined, limit: number, reader: ForumReader): Promise<{ posts: ForumPost[]; nextCursor: string | null }> {
    const thread = await this.readableThread(threadId, reader);
    const qb = this.postsQuery(thread.id, reader);
    if (after !== undefined) {
      // Beyond any post id the database can hold (int4 on PostgreSQL): a bad cursor, not a query error.
      if (!isEventId(after)) throw ForumErrors.invalidCursor();
      qb.andWhere('p.id > :after', { after: Number(after) });
    }
    const rows = await qb.orderBy('p.id', 'ASC').limit(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const dir = await this.directory(page, page.map((p) => p.hiddenBy));
    return { posts: page.map((p) => this.toPost(p, thread, dir, reader)), nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null };
  }

  /** One post as this reader sees it (after a write). */
  async post(post: ForumPostEntity, thread: ForumThreadEntity, reader: ForumReader): Promise<ForumPost> {
    return this.toPost(post, thread, await this.directory([post], [post.hiddenBy]), reader);
  }

  /** What a watching socket gets when the thread's header changes (public view). */
  async header(thread: ForumThreadEntity): Promise<ThreadHeader> {
    const [summary] = await this.summaries([thread]);
    return { ...summary, solutionPostId: thread.solutionPostId ? String(thread.solutionPostId) : null, statusHistory: await this.statusHistory(thread.id) };
  }

  async statusHistory(threadId: string): Promise<ForumStatusChange[]> {
    const changes = await this.m.find(ForumStatusChangeEntity, { where: { threadId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const dir = await this.directory([], changes.map((c) => c.staffId));
    return changes.map((c) => ({ status: c.status, note: c.note, by: dir.staff.get(c.staffId)?.displayName ?? '', at: c.createdAt.toISOString() }));
  }

  /** `GET /api/forum/members/:username`: who they are and where they took part. Lists, never numbers. */
  async profile(username: string, reader: ForumReader): Promise<ForumMemberProfile> {
    const member = await this.m.findOneBy(ForumMemberEntity, { username: username.trim().toLowerCase() });
    if (!member) throw ForumErrors.memberNotFound();
    const started = await this.visibleThreads()
      .where('t.author_member_id = :id', { id: member.id })
      .orderBy('t.last_activity_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(PROFILE_LIST)
      .getMany();
    // Threads of others their visible answer solved.
    const helped = await this.visibleThreads()
      .innerJoin(ForumPostEntity, 's', 's.id = t.solution_post_id AND s.author_member_id = :id AND s.hidden_at IS NULL', { id: member.id })
      .where(new Brackets((w) => w.where('t.author_member_id IS NULL').orWhere('t.author_member_id <> :id', { id: member.id })))
      .orderBy('t.solved_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(PROFILE_LIST)
      .getMany();
    return {
      username: member.username,
      displayName: member.displayName,
      seniorFan: !!member.seniorFanSince,
      fanSince: member.seniorFanSince?.toISOString() ?? null,
      joinedAt: member.createdAt.toISOString(),
      threads: await this.summaries(started),
      helped: helped.map((t) => ({ threadId: t.id, title: t.title, solvedAt: (t.solvedAt ?? t.lastActivityAt).toISOString() })),
      ...(reader.kind === 'staff' ? { customerId: member.customerId } : {}),
    };
  }

  /** The posts of a thread this reader may see: staff all, a member the visible ones and their own, the public the visible ones. */
  private postsQuery(threadId: string, reader: ForumReader): SelectQueryBuilder<ForumPostEntity> {
    const qb = this.m.createQueryBuilder(ForumPostEntity, 'p').where('p.thread_id = :threadId', { threadId });
    if (reader.kind === 'staff') return qb;
    if (reader.kind === 'member') {
      return qb.andWhere(new Brackets((w) => w.where('p.hidden_at IS NULL').orWhere('p.author_member_id = :me', { me: reader.member.id })));
    }
    return qb.andWhere('p.hidden_at IS NULL');
  }

  private toPost(p: ForumPostEntity, thread: ForumThreadEntity, dir: Directory, reader: ForumReader): ForumPost {
    const privileged = seesHidden(p, reader);
    return {
      id: String(p.id),
      threadId: p.threadId,
      author: this.author(dir, p),
      html: p.hiddenAt && !privileged ? '' : p.bodyHtml,
      markdown: privileged ? p.bodyMarkdown : null,
      isOpening: p.id === thread.openingPostId,
      isSolution: p.id === thread.solutionPostId,
      createdAt: p.createdAt.toISOString(),
      hidden:
        p.hiddenAt && privileged
          ? { reason: p.hiddenReason ?? '', by: (p.hiddenBy && dir.staff.get(p.hiddenBy)?.displayName) || '', at: p.hiddenAt.toISOString() }
          : null,
    };
  }

  private async directory(rows: Authored[], moreStaffIds: (string | null)[] = []): Promise<Directory> {
    const memberIds = unique(rows.map((r) => r.authorMemberId));
    const staffIds = unique([...rows.map((r) => r.authorStaffId), ...moreStaffIds]);
    const members = memberIds.length ? await this.m.findBy(ForumMemberEntity, { id: In(memberIds) }) : [];
    const staff = staffIds.length ? await this.m.find(Staff, { select: { id: true, displayName: true }, where: { id: In(staffIds) } }) : [];
    return { members: new Map(members.map((x) => [x.id, x])), staff: new Map(staff.map((s) => [s.id, s])) };
  }

  private author(dir: Directory, row: Authored): ForumAuthor {
    if (row.authorMemberId) {
      const member = dir.members.get(row.authorMemberId);
      return member ? memberAuthor(member) : { kind: 'member', username: '', displayName: '', seniorFan: false };
    }
    return staffAuthor(dir.staff.get(row.authorStaffId ?? '') ?? { displayName: '' });
  }
}
