import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { isEventId } from '../common/ids';
import { rawSql } from '../database/raw-sql';
import { Transactor } from '../database/transactor';
import type { ForumFeedbackStatus, ForumPost, ForumThread, TimelineEvent } from '../realtime/contract';
import type { Staff } from '../staff/staff.entity';
import { TimelineService } from '../timeline/timeline.service';
import { ForumBoardEntity, ForumMemberEntity, ForumPostEntity, ForumStatusChangeEntity, ForumThreadEntity } from './entities';
import { ForumLive } from './forum-live';
import { canModerate, ForumReader, requireActor, requireModerator } from './forum-reader';
import { ForumTimeline } from './forum-timeline';
import { ForumViews } from './forum-views';
import { ForumErrors } from './forum.errors';
import { memberAuthor, staffAuthor } from './forum.mapper';
import { ForumService } from './forum.service';

type Change = { thread: ForumThreadEntity; events: TimelineEvent[]; changed: boolean };

/**
 * What staff (and a thread's starter, for its solution) do to threads and posts: mark the answer,
 * set a suggestion's feedback status, lock, hide. Hidden posts are kept with who hid them and why;
 * their timeline entries stay (the desk keeps the history).
 */
@Injectable()
export class ForumModerationService {
  private readonly logger = new Logger(ForumModerationService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactor,
    private readonly timeline: TimelineService,
    private readonly forum: ForumService,
    private readonly events: ForumTimeline,
    private readonly views: ForumViews,
    private readonly live: ForumLive,
  ) {}

  /**
   * The thread's starter (a member) or a moderator marks a visible reply as the answer (null
   * unmarks, with no timeline entry). Marking the same post again changes nothing.
   */
  async setSolution(reader: ForumReader, threadId: string, postId: string | null, at = new Date()): Promise<ForumThread> {
    const actor = requireActor(reader);
    const change = await this.tx.run(async (m): Promise<Change> => {
      const thread = await this.forum.lockThread(m, threadId);
      const starter = actor.kind === 'member' && actor.member.id === thread.authorMemberId;
      if (!starter && !canModerate(actor)) throw ForumErrors.forbidden();
      if (postId === null) {
        if (!thread.solutionPostId) return { thread, events: [], changed: false };
        Object.assign(thread, { solutionPostId: null, solvedAt: null });
        await m.update(ForumThreadEntity, { id: thread.id }, { solutionPostId: null, solvedAt: null });
        return { thread, events: [], changed: true };
      }
      const post = isEventId(postId) ? await m.findOneBy(ForumPostEntity, { id: Number(postId), threadId: thread.id, hiddenAt: IsNull() }) : null;
      if (!post || post.id === thread.openingPostId) throw ForumErrors.invalidSolution();
      if (thread.solutionPostId === post.id) return { thread, events: [], changed: false };
      Object.assign(thread, { solutionPostId: post.id, solvedAt: at });
      await m.update(ForumThreadEntity, { id: thread.id }, { solutionPostId: post.id, solvedAt: at });
      const board = await m.findOneByOrFail(ForumBoardEntity, { id: thread.boardId });
      const solvedBy = post.authorMemberId
        ? memberAuthor(await m.findOneByOrFail(ForumMemberEntity, { id: post.authorMemberId }))
        : staffAuthor(await this.staffNamed(m, post.authorStaffId!));
      const events = await this.events.solved(m, { thread, board, at, solution: post, solvedBy, marker: actor });
      return { thread, events, changed: true };
    });
    return this.announce(change, reader);
  }

  /** Moderators, suggestion boards only. The same status again changes nothing (no row, no entries). */
  async setStatus(reader: ForumReader, threadId: string, status: ForumFeedbackStatus, note: string | null, at = new Date()): Promise<ForumThread> {
    const staff = requireModerator(reader);
    const change = await this.tx.run(async (m): Promise<Change> => {
      const thread = await this.forum.lockThread(m, threadId);
      const board = await m.findOneByOrFail(ForumBoardEntity, { id: thread.boardId });
      if (board.kind !== 'suggestion') throw ForumErrors.notASuggestion();
      if (thread.feedbackStatus === status) return { thread, events: [], changed: false };
      const change = await m.save(
        m.create(ForumStatusChangeEntity, { threadId: thread.id, status, previousStatus: thread.feedbackStatus, note: note || null, staffId: staff.id, createdAt: at }),
      );
      thread.feedbackStatus = status;
      await m.update(ForumThreadEntity, { id: thread.id }, { feedbackStatus: status });
      const events = await this.events.statusSet(m, { thread, board, at, change, staff });
      return { thread, events, changed: true };
    });
    return this.announce(change, reader);
  }

  /** Moderators: a locked thread takes replies from staff only. */
  async setLocked(reader: ForumReader, threadId: string, locked: boolean, at = new Date()): Promise<ForumThread> {
    const staff = requireModerator(reader);
    const change = await this.tx.run(async (m): Promise<Change> => {
      const thread = await this.forum.lockThread(m, threadId);
      if (!!thread.lockedAt === locked) return { thread, events: [], changed: false };
      const columns = locked ? { lockedAt: at, lockedBy: staff.id } : { lockedAt: null, lockedBy: null };
      Object.assign(thread, columns);
      await m.update(ForumThreadEntity, { id: thread.id }, columns);
      return { thread, events: [], changed: true };
    });
    return this.announce(change, reader);
  }

  /**
   * Moderators hide a post with a reason (null: show it again). The thread's reply count, last
   * poster and last activity are counted again from the visible posts; a hidden answer is no longer
   * the thread's solution. A hidden opening post takes the whole thread away from the public.
   * The post's events on the desk's timelines say it is hidden, and why.
   */
  async setHidden(reader: ForumReader, postId: string, reason: string | null, at = new Date()): Promise<ForumPost> {
    const staff = requireModerator(reader);
    const existing = isEventId(postId) ? await this.dataSource.manager.findOneBy(ForumPostEntity, { id: Number(postId) }) : null;
    if (!existing) throw ForumErrors.postNotFound();
    const { thread, post, changed, events } = await this.tx.run(async (m) => {
      const thread = await this.forum.lockThread(m, existing.threadId);
      const post = await m.findOneByOrFail(ForumPostEntity, { id: existing.id });
      const unchanged = reason === null ? !post.hiddenAt : !!post.hiddenAt && post.hiddenReason === reason;
      if (unchanged) return { thread, post, changed: false, events: [] };
      const columns = reason !== null ? { hiddenAt: post.hiddenAt ?? at, hiddenBy: staff.id, hiddenReason: reason } : { hiddenAt: null, hiddenBy: null, hiddenReason: null };
      Object.assign(post, columns);
      await m.update(ForumPostEntity, { id: post.id }, columns);
      if (reason !== null && thread.solutionPostId === post.id) Object.assign(thread, { solutionPostId: null, solvedAt: null });
      await this.recount(m, thread);
      const hidden = post.hiddenAt && post.hiddenReason !== null ? { reason: post.hiddenReason, at: post.hiddenAt } : null;
      return { thread, post, changed: true, events: await this.timeline.recordForumHidden(m, post.id, hidden) };
    });
    for (const event of events) this.timeline.publish(event);
    if (changed) {
      this.logger.log({ msg: reason !== null ? 'Forum post hidden' : 'Forum post shown again', postId: post.id, by: staff.id });
      if (post.id === thread.openingPostId && post.hiddenAt) this.live.closeThread(thread.id, String(post.id));
      else if (await this.forum.isPublic(thread)) {
        if (post.hiddenAt) this.live.postHidden(thread.id, String(post.id));
        else this.live.post(await this.views.post(post, thread, { kind: 'anonymous' }));
        this.live.thread(await this.views.header(thread));
      }
    }
    return this.views.post(post, thread, reader);
  }

  /** Visible replies, the newest visible post and its time, counted again from the posts themselves. */
  private async recount(m: EntityManager, thread: ForumThreadEntity): Promise<void> {
    const replyCount = await m.countBy(ForumPostEntity, { threadId: thread.id, hiddenAt: IsNull(), id: Not(thread.openingPostId!) });
    const last = await m.findOne(ForumPostEntity, { select: { id: true, createdAt: true }, where: { threadId: thread.id, hiddenAt: IsNull() }, order: { id: 'DESC' } });
    Object.assign(thread, { replyCount, lastPostId: last?.id ?? thread.openingPostId, lastActivityAt: last?.createdAt ?? thread.createdAt });
    const { lastPostId, lastActivityAt, solutionPostId, solvedAt } = thread;
    await m.update(ForumThreadEntity, { id: thread.id }, { replyCount, lastPostId, lastActivityAt, solutionPostId, solvedAt });
  }

  private async announce(change: Change, reader: ForumReader): Promise<ForumThread> {
    for (const event of change.events) this.timeline.publish(event);
    if (change.changed && (await this.forum.isPublic(change.thread))) this.live.thread(await this.views.header(change.thread));
    return this.views.thread(change.thread.id, reader);
  }

  private async staffNamed(m: EntityManager, id: string): Promise<Pick<Staff, 'displayName'>> {
    const [row] = await rawSql<{ display_name: string }[]>(m, 'SELECT display_name FROM staff WHERE id = $1', [id]);
    return { displayName: row?.display_name ?? '' };
  }
}
