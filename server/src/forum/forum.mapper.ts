import type { ForumAuthor, ForumBoard, ForumFeedbackStatus, ForumMember } from '../realtime/contract';
import type { Staff } from '../staff/staff.entity';
import type { ForumBoardEntity, ForumMemberEntity } from './entities';

/** The account as its owner sees it (the phone only ever goes to them). */
export function toForumMember(member: ForumMemberEntity): ForumMember {
  return {
    username: member.username,
    displayName: member.displayName,
    seniorFan: !!member.seniorFanSince,
    joinedAt: member.createdAt.toISOString(),
    phone: member.phone,
  };
}

export const memberAuthor = (member: ForumMemberEntity): ForumAuthor => ({
  kind: 'member',
  username: member.username,
  displayName: member.displayName,
  seniorFan: !!member.seniorFanSince,
});

/** Staff show a name and a badge, never an id. */
export const staffAuthor = (staff: Pick<Staff, 'displayName'>): ForumAuthor => ({ kind: 'staff', name: staff.displayName });

export function toForumBoard(board: ForumBoardEntity, stats?: { threadCount: number; lastActivityAt: Date | null }): ForumBoard {
  return {
    id: board.id,
    slug: board.slug,
    name: board.name,
    description: board.description,
    kind: board.kind,
    position: board.position,
    archived: board.archived,
    threadCount: stats?.threadCount ?? 0,
    lastActivityAt: stats?.lastActivityAt?.toISOString() ?? null,
  };
}

/** How a feedback status reads on the desk's timeline. */
export const FEEDBACK_LABELS: Record<ForumFeedbackStatus, string> = { heard: '已收到', planned: '已计划', shipped: '已上线' };

export const threadUrl = (threadId: string, postId?: number | string) => `/forum/threads/${threadId}${postId === undefined ? '' : `#post-${postId}`}`;
