import type { ConversationState, InboxItem } from '@hearth/contract';

/** A conversation in the inbox as the server would send one; override what the test cares about. */
export function anInboxItem(customerId: string, overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    customerId,
    displayName: `顾客 ${customerId}`,
    channel: 'chat',
    waitingSince: '2026-11-20T02:32:00.000Z',
    lastMessage: { id: '10', body: '你好，请问还在吗', hasImage: false, from: 'customer', at: '2026-11-20T02:32:00.000Z' },
    lastCustomerMessageId: '10',
    readUpTo: '',
    suggestedCustomer: null,
    ...overrides,
  };
}

export function aConversation(overrides: Partial<ConversationState> = {}): ConversationState {
  return {
    customerId: 'c-1',
    replyChannel: 'chat',
    waitingSince: null,
    deliveredUpTo: '',
    readUpTo: '',
    visitorOnline: true,
    viewers: [],
    ...overrides,
  };
}
