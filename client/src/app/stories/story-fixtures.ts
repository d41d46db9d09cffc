// Stories as the server would send them, for the specs of this folder; override what a test cares about.
import type { Story, StoryCard, ThanksNote } from '@hearth/contract';

export function aStoryCard(caseId: string, overrides: Partial<StoryCard> = {}): StoryCard {
  return {
    caseId,
    title: `屏幕碎了 ${caseId}`,
    customer: { id: `cust-${caseId}`, displayName: '王芳' },
    openedAt: '2026-11-10T02:00:00.000Z',
    resolvedAt: '2026-11-12T06:00:00.000Z',
    needed: '她的手机屏幕摔碎了，第二天要出差。',
    customerWords: '没想到你们这么快！',
    themes: ['屏幕'],
    channels: ['chat', 'store'],
    stores: [{ id: 'store-sh', name: '上海静安店' }],
    gestureKinds: ['handwritten_card'],
    helpers: [
      { id: 'staff-lin', name: '林晓' },
      { id: 'staff-wang', name: '王磊' },
    ],
    highlight: null,
    ...overrides,
  };
}

export function aStory(caseId: string, overrides: Partial<Story> = {}): Story {
  return {
    ...aStoryCard(caseId),
    resolution: {
      version: 1,
      needed: '她的手机屏幕摔碎了，第二天要出差。',
      did: '林晓约了静安店当天下午换屏。\n王磊换好后附上了一张手写卡片。',
      felt: '她说松了一口气。',
      customerWords: '没想到你们这么快！',
      writtenBy: { id: 'staff-lin', name: '林晓' },
      writtenAt: '2026-11-12T06:00:00.000Z',
    },
    gestures: [
      {
        id: 'g1',
        customerId: `cust-${caseId}`,
        caseId,
        kind: 'handwritten_card',
        note: '祝出差顺利',
        costCents: null,
        status: 'given',
        reaction: '卡片我留着呢',
        by: { id: 'staff-wang', name: '王磊' },
        createdAt: '2026-11-11T06:00:00.000Z',
        givenAt: '2026-11-11T08:00:00.000Z',
      },
    ],
    excerpts: [
      {
        id: '101',
        customerId: `cust-${caseId}`,
        kind: 'chat.message',
        channel: 'chat',
        author: { type: 'customer', id: `cust-${caseId}`, name: '王芳' },
        body: '屏幕碎了，明天还要出差怎么办',
        details: null,
        occurredAt: '2026-11-10T02:00:00.000Z',
        recordedAt: '2026-11-10T02:00:00.000Z',
        source: 'chat',
        sourceId: 'm1',
        caseId,
        internal: false,
      },
    ],
    thanks: [],
    ...overrides,
  };
}

export function aThanksNote(id: string, overrides: Partial<ThanksNote> = {}): ThanksNote {
  return {
    id,
    caseId: 'c1',
    storyTitle: '屏幕碎了',
    to: { id: 'staff-lin', name: '林晓' },
    from: { id: 'staff-chen', name: '陈经理' },
    body: '谢谢你那张手写卡片',
    at: '2026-11-13T02:00:00.000Z',
    seenAt: null,
    ...overrides,
  };
}
