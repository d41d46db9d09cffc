import { Inject, Injectable } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { UUID_PATTERN } from '../common/ids';
import { consumeOrThrow, RateLimits } from '../common/rate-limit';
import { APP_CONFIG, AppConfig } from '../config/config';
import { createOnce } from '../database/create-once';
import { Transactor } from '../database/transactor';
import { ChatImageEntity } from '../images/chat-image.entity';
import { toChatImage } from '../images/images.mapper';
import type { ChatImage, ForumPost, ForumThread, NewForumPost, NewForumThread, TimelineEvent } from '../realtime/contract';
import { TimelineService } from '../timeline/timeline.service';
import { ForumBoardEntity, ForumPostEntity, ForumThreadEntity } from './entities';
import { ForumLive } from './forum-live';
import { authorKey, ForumActor, ForumReader, requireActor } from './forum-reader';
import { ForumTimeline } from './forum-timeline';
import { ForumViews, seesHidden } from './forum-views';
import { ForumErrors } from './forum.errors';
import { imageIdsIn, plainText, renderMarkdown } from './markdown';

/** Images one post may show (each is looked up once). */
const MAX_IMAGES = 20;

type Rendered = { markdown: string; html: string; text: string; images: ChatImage[] };

/**
 * Threads and posts. Writing needs a forum account or a staff session; a client id makes a double
 * submit one thread or post (one row, one timeline event). Each write is one transaction: the rows,
 * the thread's counters and the timeline events, published after commit.
 */
@Injectable()
export class ForumService {
  private readonly posting: RateLimiterAbstract;
  private readonly previews: RateLimiterAbstract;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly tx: Transactor,
    private readonly timeline: TimelineService,
    private readonly events: ForumTimeline,
    private readonly views: ForumViews,
    private readonly live: ForumLive,
    limits: RateLimits,
  ) {
    this.posting = limits.create('forum:posting', config.forum.postsPer10Minutes, 600);
    this.previews = limits.create('forum:previews', 120, 600);
  }

  /** `POST /api/forum/threads`. The same author and clientId again answers with the first thread (created: false). */
  async startThread(reader: ForumReader, input: NewForumThread): Promise<{ thread: ForumThread; created: boolean }> {
    const author = requireActor(reader);
    const outcome = await createOnce(
      () => this.dataSource.manager.findOneBy(ForumThreadEntity, { authorKey: authorKey(author), clientId: input.clientId }),
      async () => {
        await this.limitPosting(author);
        return this.createThread(author, input);
      },
    );
    const id = 'stored' in outcome ? outcome.stored.id : outcome.created.id;
    return { thread: await this.views.thread(id, reader), created: 'created' in outcome };
  }

  /**
   * A new thread with its opening post, written at `at` (the demo seed passes past times; no rate
   * limit here). A member's opening post goes on their timeline.
   */
  async createThread(author: ForumActor, input: NewForumThread, at = new Date()): Promise<ForumThreadEntity> {
    const title = input.title.trim();
    const rendered = await this.render(input.body);
    const board = UUID_PATTERN.test(input.boardId) ? await this.dataSource.manager.findOneBy(ForumBoardEntity, { id: input.boardId.toLowerCase() }) : null;
    if (!board) throw ForumErrors.boardNotFound();
    if (board.archived) throw ForumErrors.boardArchived();
    const key = authorKey(author);
    const { thread, events } = await this.tx.run(async (m) => {
      const thread = await m.save(
        m.create(ForumThreadEntity, {
          boardId: board.id,
          title,
          ...this.authorColumns(author),
          authorKey: key,
          clientId: input.clientId,
          openingPostId: null,
          createdAt: at,
          lastActivityAt: at,
          lastPostId: null,
          replyCount: 0,
          solutionPostId: null,
          solvedAt: null,
          feedbackStatus: null,
          lockedAt: null,
          lockedBy: null,
        }),
      );
      // The opening post's client id cannot collide with a reply's (a client id has no ':').
      const post = await this.insertPost(m, thread.id, author, `thread:${input.clientId}`, rendered, at);
      await m.update(ForumThreadEntity, { id: thread.id }, { openingPostId: post.id, lastPostId: post.id });
      Object.assign(thread, { openingPostId: post.id, lastPostId: post.id });
      const events = await this.events.posted(m, { thread, board, post, author, at, text: rendered.text, images: rendered.images });
      return { thread, events };
    });
    this.publish(events);
    return thread;
  }

  /** `POST /api/forum/threads/:id/posts`. The same author and clientId again answers with the first post (created: false). */
  async reply(reader: ForumReader, threadId: string, input: NewForumPost): Promise<{ post: ForumPost; created: boolean }> {
    const author = requireActor(reader);
    const key = authorKey(author);
    const outcome = await createOnce(
      async () => {
        const stored = await this.dataSource.manager.findOneBy(ForumPostEntity, { authorKey: key, clientId: input.clientId });
        if (stored && stored.threadId !== threadId.toLowerCase()) throw ForumErrors.clientIdReused();
        return stored;
      },
      async () => {
        // Checked before the rate limit: a reply that cannot land costs nothing.
        const thread = await this.views.readableThread(threadId, reader);
        if (thread.lockedAt && author.kind === 'member') throw ForumErrors.threadLocked();
        await this.limitPosting(author);
        return this.addPost(author, thread.id, input);
      },
    );
    const post = 'stored' in outcome ? outcome.stored : outcome.created;
    const thread = await this.dataSource.manager.findOneByOrFail(ForumThreadEntity, { id: post.threadId });
    return { post: await this.views.post(post, thread, reader), created: 'created' in outcome };
  }

  /**
   * A reply written at `at` (the seed's door too: no rate limit). Members cannot reply to a locked
   * thread; staff can. Updates the thread's last activity, last post and reply count.
   */
  async addPost(author: ForumActor, threadId: string, input: NewForumPost, at = new Date()): Promise<ForumPostEntity> {
    const rendered = await this.render(input.body);
    const { post, thread, opening, events } = await this.tx.run((m) => this.writePost(m, author, threadId, input.clientId, rendered, at));
    this.publish(events);
    // A thread whose opening post is hidden is not public: staff and its author still write in it.
    if (!opening.hiddenAt) {
      this.live.post(await this.views.post(post, thread, { kind: 'anonymous' }));
      this.live.thread(await this.views.header(thread));
    }
    return post;
  }

  /**
   * Many posts in the caller's transaction, for the demo seed's long history: nothing is published
   * (nobody is connected while the seed runs), and one commit serves them all.
   */
  async addPostWithin(m: EntityManager, author: ForumActor, threadId: string, input: NewForumPost, at: Date): Promise<ForumPostEntity> {
    return (await this.writePost(m, author, threadId, input.clientId, await this.render(input.body), at)).post;
  }

  private async writePost(m: EntityManager, author: ForumActor, threadId: string, clientId: string, rendered: Rendered, at: Date) {
    const thread = await this.lockThread(m, threadId);
    if (thread.lockedAt && author.kind === 'member') throw ForumErrors.threadLocked();
    const opening = await m.findOneByOrFail(ForumPostEntity, { id: thread.openingPostId! });
    if (opening.hiddenAt && !seesHidden(opening, author)) throw ForumErrors.threadNotFound();
    const board = await m.findOneByOrFail(ForumBoardEntity, { id: thread.boardId });
    // An archived board is read-only for members, as it is for new threads.
    if (board.archived && author.kind === 'member') throw ForumErrors.boardArchived();
    const post = await this.insertPost(m, thread.id, author, clientId, rendered, at);
    const lastActivityAt = at > thread.lastActivityAt ? at : thread.lastActivityAt;
    Object.assign(thread, { lastActivityAt, lastPostId: post.id, replyCount: thread.replyCount + 1 });
    await m.update(ForumThreadEntity, { id: thread.id }, { lastActivityAt, lastPostId: post.id, replyCount: thread.replyCount });
    const events = await this.events.posted(m, { thread, board, post, author, at, text: rendered.text, images: rendered.images });
    return { post, thread, opening, events };
  }

  /** Whether the public may see the thread at all (its opening post is not hidden). */
  async isPublic(thread: ForumThreadEntity): Promise<boolean> {
    return !(await this.dataSource.manager.existsBy(ForumPostEntity, { id: thread.openingPostId!, hiddenAt: Not(IsNull()) }));
  }

  /** The composer's preview: exactly what the post would show. */
  async preview(reader: ForumReader, body: string): Promise<{ html: string }> {
    const actor = requireActor(reader);
    await consumeOrThrow(this.previews, authorKey(actor), ForumErrors.previewRateLimited);
    return { html: renderMarkdown(body) };
  }

  /** The thread, locked for this transaction on PostgreSQL (SQLite runs one writer at a time). */
  async lockThread(m: EntityManager, threadId: string): Promise<ForumThreadEntity> {
    if (!UUID_PATTERN.test(threadId)) throw ForumErrors.threadNotFound();
    const id = threadId.toLowerCase();
    if (m.connection.options.type === 'postgres') await m.query('SELECT id FROM forum_threads WHERE id = $1 FOR UPDATE', [id]);
    const thread = await m.findOneBy(ForumThreadEntity, { id });
    if (!thread?.openingPostId) throw ForumErrors.threadNotFound();
    return thread;
  }

  /** Markdown → sanitised HTML, its plain text (for the timeline) and the uploaded images it shows. */
  private async render(body: string): Promise<Rendered> {
    const markdown = body.replace(/\s+$/, '');
    if (!markdown.trim()) throw ForumErrors.emptyPost();
    const html = renderMarkdown(markdown);
    const ids = imageIdsIn(html).slice(0, MAX_IMAGES);
    const rows = ids.length ? await this.dataSource.manager.findBy(ChatImageEntity, { id: In(ids) }) : [];
    const images = ids.flatMap((id) => rows.filter((r) => r.id === id)).map(toChatImage);
    return { markdown, html, text: plainText(markdown), images };
  }

  private insertPost(m: EntityManager, threadId: string, author: ForumActor, clientId: string, r: Rendered, at: Date): Promise<ForumPostEntity> {
    return m.save(
      m.create(ForumPostEntity, {
        threadId,
        ...this.authorColumns(author),
        authorKey: authorKey(author),
        clientId,
        bodyMarkdown: r.markdown,
        bodyHtml: r.html,
        images: r.images,
        createdAt: at,
        hiddenAt: null,
        hiddenBy: null,
        hiddenReason: null,
      }),
    );
  }

  private authorColumns(author: ForumActor) {
    return author.kind === 'member' ? { authorMemberId: author.member.id, authorStaffId: null } : { authorMemberId: null, authorStaffId: author.staff.id };
  }

  /** Members' threads and replies per 10 minutes; staff post as part of their work and are not limited. */
  private async limitPosting(author: ForumActor): Promise<void> {
    if (author.kind === 'member') await consumeOrThrow(this.posting, authorKey(author), ForumErrors.postingRateLimited);
  }

  private publish(events: TimelineEvent[]) {
    for (const event of events) this.timeline.publish(event);
  }
}
