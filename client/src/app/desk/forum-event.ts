import type { ChatImage, ForumAuthor, ForumFeedbackStatus, TimelineEvent } from '@hearth/contract';
import { FORUM_FEEDBACK_STATUSES } from '@hearth/contract';
import type { MessageKey, MessageParams } from '../core/i18n';
import { apiPath, detail } from './event-renderer';

// Reading `ForumEventDetails` off a timeline event. Details are stored JSON (and the demo's older
// forum events carry only threadId, threadTitle, board and url), so every field is checked, not trusted.

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A path to a thread on our own forum (`/forum/threads/<id>`, optionally `#post-<n>`): never another site. */
const THREAD_PATH = /^\/forum\/threads\/[A-Za-z0-9-]{1,64}(#post-[0-9]{1,20})?$/;
const THREAD_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Where to read the event's thread: its own link when that is one of our thread paths, else the thread's page. */
export function forumThreadUrl(event: TimelineEvent): string | null {
  const url = detail(event, 'url');
  if (url && THREAD_PATH.test(url)) return url;
  const threadId = forumThreadId(event);
  return threadId ? `/forum/threads/${threadId}` : null;
}

export function forumThreadId(event: TimelineEvent): string | null {
  const id = detail(event, 'threadId');
  return id && THREAD_ID.test(id) ? id : null;
}

/** The post's pictures that load from our own API (thumbnail and original both). */
export function forumImages(event: TimelineEvent): ChatImage[] {
  const images = event.details?.['images'];
  if (!Array.isArray(images)) return [];
  return images.flatMap((image: unknown) => {
    if (!image || typeof image !== 'object') return [];
    const candidate = image as Partial<ChatImage>;
    const url = apiPath(candidate.url);
    const thumbUrl = apiPath(candidate.thumbUrl);
    if (!url || !thumbUrl) return [];
    return [{ id: String(candidate.id ?? url), url, thumbUrl, width: Number(candidate.width) || 0, height: Number(candidate.height) || 0, mime: String(candidate.mime ?? '') }];
  });
}

/** Why staff hid the post (`details.hidden`), or null while it shows on the forum. */
export function forumHiddenReason(event: TimelineEvent): string | null {
  const hidden = event.details?.['hidden'];
  if (!hidden || typeof hidden !== 'object') return null;
  const reason = (hidden as Record<string, unknown>)['reason'];
  return typeof reason === 'string' ? reason : null;
}

export function isFeedbackStatus(value: unknown): value is ForumFeedbackStatus {
  return typeof value === 'string' && (FORUM_FEEDBACK_STATUSES as readonly string[]).includes(value);
}

export const FEEDBACK_STATUS_LABELS: Readonly<Record<ForumFeedbackStatus, MessageKey>> = {
  heard: 'forumDesk.status.heard',
  planned: 'forumDesk.status.planned',
  shipped: 'forumDesk.status.shipped',
};

/** The forum author in `details.solvedBy`, when it is one. */
export function forumAuthor(value: unknown): ForumAuthor | null {
  if (!value || typeof value !== 'object') return null;
  const author = value as Partial<Record<string, unknown>>;
  if (author['kind'] === 'staff' && typeof author['name'] === 'string') return { kind: 'staff', name: author['name'] };
  if (author['kind'] === 'member' && typeof author['displayName'] === 'string') {
    return {
      kind: 'member',
      username: typeof author['username'] === 'string' ? author['username'] : '',
      displayName: author['displayName'],
      seniorFan: author['seniorFan'] === true,
    };
  }
  return null;
}

/** A forum author's name as the desk says it: 「小米（资深粉丝）」, 「李娜（官方）」. */
export function forumAuthorLabel(author: ForumAuthor, t: Translate): string {
  if (author.kind === 'staff') return t('forumDesk.author.staff', { name: author.name });
  return author.seniorFan ? t('forumDesk.author.fan', { name: author.displayName }) : author.displayName;
}

/** Which timeline a `forum.solved` is on: the asker's, or that of the member whose answer solved it. */
export function solvedFor(event: TimelineEvent): 'asker' | 'helper' {
  return event.sourceId.endsWith(':helper') ? 'helper' : 'asker';
}

/** Whose answer helped whom, in words (null when the event doesn't say). */
export function forumSolvedLine(event: TimelineEvent, t: Translate): string | null {
  if (solvedFor(event) === 'helper') return t('forumDesk.solved.theyHelped');
  const by = forumAuthor(event.details?.['solvedBy']);
  return by ? t('forumDesk.solved.helpedThem', { name: forumAuthorLabel(by, t) }) : null;
}

/** The heading of a feedback status change: 产品建议「…」：已计划 (null when the event names no status). */
export function forumStatusTitle(event: TimelineEvent, t: Translate): string | null {
  const status = event.details?.['status'];
  if (!isFeedbackStatus(status)) return null;
  return t('forumDesk.status.title', { thread: detail(event, 'threadTitle') ?? '', status: t(FEEDBACK_STATUS_LABELS[status]) });
}

/** `forum.solved` and `forum.status` as one line (case panels, stories), or null for other kinds. */
export function forumExcerpt(event: TimelineEvent, t: Translate): string | null {
  const thread = detail(event, 'threadTitle');
  if (event.kind === 'forum.solved' && thread) {
    const title = t('forumDesk.solved.title', { thread });
    const line = forumSolvedLine(event, t);
    return line ? t('forumDesk.excerpt.joined', { title, text: line }) : title;
  }
  if (event.kind === 'forum.status') {
    const title = forumStatusTitle(event, t);
    const note = detail(event, 'note')?.trim();
    if (title) return note ? t('forumDesk.excerpt.withNote', { title, note }) : title;
  }
  return null;
}
