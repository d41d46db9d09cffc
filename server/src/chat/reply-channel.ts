import type { EntityManager } from 'typeorm';
import type { ChatImage, TimelineEvent } from '../realtime/contract';
import type { Staff } from '../staff/staff.entity';

export type StaffReply = { customerId: string; staff: Staff; clientId: string; body: string; image: ChatImage | null };

/**
 * A channel besides web chat that staff answer from the same composer (WeChat). Its module
 * registers it with ChatService, so the chat module needs to know nothing of the channel itself.
 */
export interface ReplyChannel {
  /** Whether a reply to this customer can go out here (inside the reply's transaction). */
  canReply(m: EntityManager, customerId: string): Promise<boolean>;
  /** Stores the reply through the one door (idempotent on the staff member's client id) and queues its delivery. */
  appendReply(m: EntityManager, reply: StaffReply): Promise<{ event: TimelineEvent; created: boolean }>;
  /** After the reply's transaction committed: start delivering it. */
  afterCommit(): void;
}
