// Forum data as the server would send it, for the specs of the forum's pages; override what a test cares about.
import type { ForumBoard, ForumMember, ForumMemberProfile, ForumThreadSummary, ForumViewer } from '@hearth/contract';

export function aBoard(overrides: Partial<ForumBoard> = {}): ForumBoard {
  return {
    id: 'board-help',
    slug: 'help',
    name: '使用求助',
    description: '用得不顺手？来问问大家。',
    kind: 'help',
    position: 1,
    archived: false,
    threadCount: 12,
    lastActivityAt: '2026-03-01T02:30:00.000Z',
    ...overrides,
  };
}

export function aThreadSummary(id: string, overrides: Partial<ForumThreadSummary> = {}): ForumThreadSummary {
  return {
    id,
    board: { id: 'board-help', slug: 'help', name: '使用求助', kind: 'help' },
    title: `扫地机器人不回充 ${id}`,
    author: { kind: 'member', username: 'wangfang', displayName: '王芳', seniorFan: false },
    excerpt: '每次打扫完都停在客厅中间，不回充电座。',
    createdAt: '2026-03-01T01:00:00.000Z',
    lastActivityAt: '2026-03-01T02:30:00.000Z',
    lastPoster: { kind: 'member', username: 'laoli', displayName: '老李', seniorFan: true },
    replyCount: 3,
    solved: false,
    locked: false,
    feedbackStatus: null,
    ...overrides,
  };
}

export function aMember(overrides: Partial<ForumMember> = {}): ForumMember {
  return {
    username: 'wangfang',
    displayName: '王芳',
    seniorFan: false,
    joinedAt: '2025-06-01T00:00:00.000Z',
    phone: '+8613900001111',
    ...overrides,
  };
}

export function aProfile(overrides: Partial<ForumMemberProfile> = {}): ForumMemberProfile {
  return {
    username: 'laoli',
    displayName: '老李',
    seniorFan: true,
    fanSince: '2025-09-01T00:00:00.000Z',
    joinedAt: '2025-03-01T00:00:00.000Z',
    threads: [aThreadSummary('t1', { author: { kind: 'member', username: 'laoli', displayName: '老李', seniorFan: true } })],
    helped: [{ threadId: 't9', title: '净水器滤芯怎么换', solvedAt: '2026-02-10T00:00:00.000Z' }],
    ...overrides,
  };
}

export const STAFF_VIEWER: ForumViewer = {
  kind: 'staff',
  staff: { id: 'staff-lin', name: '林晓', role: 'agent', canModerate: true },
};
