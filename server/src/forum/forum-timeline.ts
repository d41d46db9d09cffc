import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rawSql } from '../database/raw-sql';
import type { ChatImage, ForumAuthor, ForumEventDetails, ForumFeedbackStatus, TimelineEvent } from '../realtime/contract';
import type { AppendInput } from '../timeline/timeline.service';
import { TimelineService } from '../timeline/timeline.service';
import { ForumAccountsService } from './accounts.service';
import type { ForumBoardEntity, ForumMemberEntity, ForumPostEntity, ForumStatusChangeEntity, ForumThreadEntity } from './entities';
import type { ForumActor } from './forum-reader';
import { FEEDBACK_LABELS, threadUrl } from './forum.mapper';

type EventAuthor = AppendInput['author'];
type Written = { thread: ForumThreadEntity; board: ForumBoardEntity; at: Date };

/**
 * Forum entries on customers' timelines, always through TimelineService inside the forum write's
 * transaction (the caller publishes the returned events after commit). Staff have no timeline:
 * their posts appear only on the timelines of the customers they answer.
 */
@Injectable()
export class ForumTimeline {
  constructor(
    private readonly timeline: TimelineService,
    private readonly accounts: ForumAccountsService,
  ) {}

  /**
   * A post: on its member author's timeline, and a staff or senior fan reply also on the thread
   * starter's (when the starter is a member and another customer than the reply's author).
   */
  async posted(m: EntityManager, w: Written & { post: ForumPostEntity; author: ForumActor; text: string; images: ChatImage[] }): Promise<TimelineEvent[]> {
    const isOpening = w.post.id === w.thread.openingPostId;
    const details: ForumEventDetails = {
      ...this.threadDetails(w),
      url: threadUrl(w.thread.id, w.post.id),
      postId: String(w.post.id),
      isOpening,
      images: w.images,
    };
    const by = await this.eventAuthor(m, w.author);
    const base = { kind: 'forum.post' as const, author: by.author, body: w.text, details, occurredAt: w.at };
    const inputs: Omit<AppendInput, 'channel' | 'source'>[] = [];
    if (by.customerId) inputs.push({ ...base, customerId: by.customerId, sourceId: `post:${w.post.id}` });
    // Answers from senior fans and staff also reach the asker's timeline (other members' replies
    // stay on their own authors' timelines: the desk reads the asker's story, not every chat).
    if (!isOpening && w.thread.authorMemberId && by.author.type !== 'customer') {
      const starter = await this.accounts.customerOf(m, w.thread.authorMemberId);
      if (starter !== by.customerId) inputs.push({ ...base, customerId: starter, sourceId: `post:${w.post.id}:starter` });
    }
    return this.append(m, inputs);
  }

  /** A solution marked: on the asker's timeline and on the helper's (a member, another customer). */
  async solved(m: EntityManager, w: Written & { solution: ForumPostEntity; solvedBy: ForumAuthor; marker: ForumActor }): Promise<TimelineEvent[]> {
    const helperName = w.solvedBy.kind === 'member' ? w.solvedBy.displayName : w.solvedBy.name;
    const base = {
      kind: 'forum.solved' as const,
      author: (await this.eventAuthor(m, w.marker)).author,
      body: `「${w.thread.title}」已解决：采纳了 ${helperName} 的回答`,
      details: { ...this.threadDetails(w), url: threadUrl(w.thread.id, w.solution.id), postId: String(w.solution.id), solvedBy: w.solvedBy } satisfies ForumEventDetails,
      occurredAt: w.at,
    };
    const key = `solved:${w.thread.id}:${w.solution.id}`;
    const asker = w.thread.authorMemberId ? await this.accounts.customerOf(m, w.thread.authorMemberId) : null;
    const helper = w.solution.authorMemberId ? await this.accounts.customerOf(m, w.solution.authorMemberId) : null;
    const inputs: Omit<AppendInput, 'channel' | 'source'>[] = [];
    if (asker) inputs.push({ ...base, customerId: asker, sourceId: `${key}:asker` });
    if (helper && helper !== asker) inputs.push({ ...base, customerId: helper, sourceId: `${key}:helper` });
    return this.append(m, inputs);
  }

  /** A feedback status set: on the timeline of every customer who posted visibly in the thread, once each. */
  async statusSet(m: EntityManager, w: Written & { change: ForumStatusChangeEntity; staff: { id: string; displayName: string } }): Promise<TimelineEvent[]> {
    const participants = await rawSql<{ customer_id: string }[]>(
      m,
      `SELECT DISTINCT COALESCE(c.merged_into_id, c.id) AS customer_id
         FROM forum_posts p JOIN forum_members f ON f.id = p.author_member_id JOIN customers c ON c.id = f.customer_id
        WHERE p.thread_id = $1 AND p.hidden_at IS NULL`,
      [w.thread.id],
    );
    const note = w.change.note;
    const body = `${w.board.name}「${w.thread.title}」状态：${FEEDBACK_LABELS[w.change.status]}${note ? `\n${note}` : ''}`;
    const details: ForumEventDetails = {
      ...this.threadDetails(w),
      url: threadUrl(w.thread.id),
      status: w.change.status,
      previousStatus: w.change.previousStatus as ForumFeedbackStatus | null,
      note,
    };
    return this.append(
      m,
      participants.map(({ customer_id }) => ({
        kind: 'forum.status' as const,
        customerId: customer_id,
        author: { type: 'staff' as const, id: w.staff.id, name: w.staff.displayName },
        body,
        details,
        occurredAt: w.at,
        sourceId: `status:${w.change.id}:${customer_id}`,
      })),
    );
  }

  private threadDetails(w: Written) {
    return { threadId: w.thread.id, threadTitle: w.thread.title, board: w.board.name, boardSlug: w.board.slug };
  }

  /** A member appears as themselves (a fan when acknowledged so); staff as staff, with no timeline of their own. */
  private async eventAuthor(m: EntityManager, actor: ForumActor): Promise<{ author: EventAuthor; customerId: string | null }> {
    if (actor.kind === 'staff') return { author: { type: 'staff', id: actor.staff.id, name: actor.staff.displayName }, customerId: null };
    const member: ForumMemberEntity = actor.member;
    const customerId = await this.accounts.customerOf(m, member.id);
    return { author: { type: member.seniorFanSince ? 'fan' : 'customer', id: customerId, name: member.displayName }, customerId };
  }

  private async append(m: EntityManager, inputs: Omit<AppendInput, 'channel' | 'source'>[]): Promise<TimelineEvent[]> {
    const events: TimelineEvent[] = [];
    for (const input of inputs) {
      const { event, created } = await this.timeline.appendWithin(m, { ...input, channel: 'forum', source: 'forum' });
      if (created) events.push(event);
    }
    return events;
  }
}
