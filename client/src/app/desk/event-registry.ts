import type { Type } from '@angular/core';
import type { TimelineEvent } from './customer';
import type { EventRenderer } from './event-renderer';
import { CaseEvent } from './case-event';
import { ChatMessageEvent } from './chat-message-event';
import { ErasedEvent, isErased } from './erased-event';
import { ForumPostEvent } from './forum-post-event';
import { ForumSolvedEvent } from './forum-solved-event';
import { ForumStatusEvent } from './forum-status-event';
import { GenericEvent } from './generic-event';
import { GestureEvent } from './gesture-event';
import { IdentityLinkedEvent } from './identity-linked-event';
import { LinkSuggestedEvent } from './link-suggested-event';
import { MergedEvent } from './merged-event';
import { NoteEvent } from './note-event';
import { StoreVisitEvent } from './store-visit-event';
import { WechatMessageEvent } from './wechat-message-event';

/**
 * Which component draws which event kind. New kinds are added here only; a kind the client does not
 * know yet still shows, through the generic renderer.
 */
export const EVENT_RENDERERS: Readonly<Record<string, Type<EventRenderer>>> = {
  'chat.message': ChatMessageEvent,
  'wechat.message': WechatMessageEvent,
  'forum.post': ForumPostEvent,
  'forum.solved': ForumSolvedEvent,
  'forum.status': ForumStatusEvent,
  'store.visit': StoreVisitEvent,
  note: NoteEvent,
  'case.opened': CaseEvent,
  'case.resolved': CaseEvent,
  gesture: GestureEvent,
  'customer.merged': MergedEvent,
  'identity.linked': IdentityLinkedEvent,
  'customer.link_suggested': LinkSuggestedEvent,
};

export function rendererFor(kind: string): Type<EventRenderer> {
  return Object.hasOwn(EVENT_RENDERERS, kind) ? EVENT_RENDERERS[kind] : GenericEvent;
}

/** An erased event (privacy) has no details left for its kind's renderer: it shows as a tombstone. */
export function rendererForEvent(event: TimelineEvent): Type<EventRenderer> {
  return isErased(event) ? ErasedEvent : rendererFor(event.kind);
}
