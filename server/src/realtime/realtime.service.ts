import { Injectable } from '@nestjs/common';
import type { Namespace, Server } from 'socket.io';
import type {
  CaseSummary,
  ChatMessage,
  ChatReceipt,
  ChatTyping,
  ClientToServerEvents,
  Gesture,
  InboxItem,
  ServerToClientEvents,
  StaffPresence,
  ThanksNote,
  TimelineEvent,
  VisitorClientToServerEvents,
  WeChatDeliveryUpdate,
  VisitorServerToClientEvents,
} from './contract';

export const DESK_ROOM = 'desk';
/** Every socket of store staff: desk-only events skip it. */
export const STORE_ROLE_ROOM = 'role:store';
export const customerRoom = (customerId: string) => `customer:${customerId}`;
export const staffRoom = (staffId: string) => `staff:${staffId}`;
export const sessionRoom = (tokenHash: string) => `session:${tokenHash}`;
/** Visitor namespace: the sockets of one customer's web chat. */
export const conversationRoom = (customerId: string) => `conversation:${customerId}`;
/** Visitor namespace: the sockets of one visitor (before and after their first message). */
export const visitorRoom = (visitorId: string) => `visitor:${visitorId}`;

export const VISITOR_NAMESPACE = '/visitor';

export type StaffServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type VisitorNamespace = Namespace<VisitorClientToServerEvents, VisitorServerToClientEvents>;

/**
 * Services decide what to emit; this only emits. The gateway hands it the socket.io server once
 * it is up; before that (or in a process without sockets) publishing is a no-op.
 */
@Injectable()
export class RealtimeService {
  private server?: StaffServer;

  attach(server: StaffServer) {
    this.server = server;
  }

  /** The staff namespace (for presence and viewer queries), once attached. */
  get staff(): StaffServer | undefined {
    return this.server;
  }

  get visitors(): VisitorNamespace | undefined {
    return this.server?.of(VISITOR_NAMESPACE) as VisitorNamespace | undefined;
  }

  /** To the staff with this customer open (the rest of the desk hears of chats through `inbox.changed`). */
  publishEvent(event: TimelineEvent) {
    const room = this.server?.to(customerRoom(event.customerId));
    (event.deskOnly ? room?.except(STORE_ROLE_ROOM) : room)?.emit('timeline.event', event);
  }

  /** To the visitor's chat page(s) of this customer; the sending page has the message in its ack. */
  publishChatMessage(customerId: string, message: ChatMessage, exceptSocketId?: string) {
    const room = this.visitors?.to(conversationRoom(customerId));
    (exceptSocketId ? room?.except(exceptSocketId) : room)?.emit('chat.message', message);
  }

  /** A visitor's first message made their customer: their open chat pages join its conversation. */
  joinConversation(visitorId: string, customerId: string) {
    this.visitors?.in(visitorRoom(visitorId)).socketsJoin(conversationRoom(customerId));
  }

  /**
   * A reply to WeChat was accepted or finally failed: to the staff with that customer open and, for
   * a failure, to its author wherever they are in the desk (one emit: a socket in both rooms gets it once).
   */
  publishWeChatDelivery(update: WeChatDeliveryUpdate, authorStaffId?: string | null) {
    const rooms = authorStaffId ? [customerRoom(update.customerId), staffRoom(authorStaffId)] : customerRoom(update.customerId);
    this.server?.to(rooms).emit('wechat.delivery', update);
  }

  publishInbox(item: Omit<InboxItem, 'readUpTo'>) {
    this.server?.to(DESK_ROOM).emit('inbox.changed', item);
  }

  publishInboxRead(staffId: string, payload: { customerId: string; readUpTo: string }) {
    this.server?.to(staffRoom(staffId)).emit('inbox.read', payload);
  }

  publishReceipt(receipt: ChatReceipt) {
    this.server?.to(customerRoom(receipt.customerId)).emit('chat.read', receipt);
  }

  /** Typing, to the staff on that customer (but not the sender's own socket) and, for staff, to the visitor. */
  publishTyping(typing: ChatTyping, exceptSocketId?: string) {
    const staff = this.server?.to(customerRoom(typing.customerId));
    (exceptSocketId ? staff?.except(exceptSocketId) : staff)?.emit('chat.typing', typing);
    if (typing.by.type === 'staff') {
      this.visitors?.to(conversationRoom(typing.customerId)).emit('chat.typing', { typing: typing.typing, name: typing.by.name });
    }
  }

  publishViewers(customerId: string, viewers: { id: string; name: string }[], visitorOnline: boolean) {
    this.server?.to(customerRoom(customerId)).emit('customer.viewers', { customerId, viewers, visitorOnline });
  }

  publishPresence(staff: StaffPresence[]) {
    this.server?.to(DESK_ROOM).emit('presence', { staff });
  }

  publishStaffAround(staffAround: boolean, visitorSocketId?: string) {
    const visitors = this.visitors;
    if (!visitors) return;
    (visitorSocketId ? visitors.to(visitorSocketId) : visitors).emit('presence', { staffAround });
  }

  /** Ends every socket of a staff member at once (account disabled, password reset). */
  disconnectStaff(staffId: string) {
    this.server?.in(staffRoom(staffId)).disconnectSockets(true);
  }

  /** Ends the sockets of one signed-out browser session. */
  disconnectSession(tokenHash: string) {
    this.server?.in(sessionRoom(tokenHash)).disconnectSockets(true);
  }

  /** A customer's data was erased: staff pages showing them reload (no data travels with it). */
  publishErased(customerId: string) {
    this.server?.to([customerRoom(customerId), DESK_ROOM]).emit('customer.erased', { customerId });
    // The visitor's identity is gone: an open chat page starts over as a new visitor when it reconnects.
    this.visitors?.in(conversationRoom(customerId)).disconnectSockets(true);
  }

  publishMerge(fromCustomerId: string, intoCustomerId: string) {
    this.server?.to([customerRoom(fromCustomerId), DESK_ROOM]).emit('customer.merged', { fromCustomerId, intoCustomerId });
    // The visitor's chat now belongs to the merged customer: its sockets follow.
    this.visitors?.in(conversationRoom(fromCustomerId)).socketsJoin(conversationRoom(intoCustomerId));
    this.visitors?.in(conversationRoom(fromCustomerId)).socketsLeave(conversationRoom(fromCustomerId));
  }

  /**
   * A case changed: to staff watching its customer. Store staff get `forStore` (no desk-only
   * events in it); when that differs, their sockets in the room are picked out one by one.
   */
  publishCase(full: CaseSummary, forStore: CaseSummary) {
    const room = customerRoom(full.customerId);
    if (full.eventIds.length === forStore.eventIds.length) {
      this.server?.to(room).emit('case.changed', full);
      return;
    }
    this.server?.to(room).except(STORE_ROLE_ROOM).emit('case.changed', full);
    void this.server
      ?.in(room)
      .fetchSockets()
      .then((sockets) => sockets.filter((s) => s.rooms.has(STORE_ROLE_ROOM)).forEach((s) => s.emit('case.changed', forStore)))
      .catch(() => undefined);
  }

  publishGesture(gesture: Gesture) {
    this.server?.to(customerRoom(gesture.customerId)).emit('gesture.changed', gesture);
  }

  /** A thank-you note: to its recipient's own sockets, wherever they are in the app. */
  publishThanks(note: ThanksNote) {
    this.server?.to(staffRoom(note.to.id)).emit('thanks.received', note);
  }
}
