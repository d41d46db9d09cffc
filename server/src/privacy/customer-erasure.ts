import { Injectable, Logger } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService, type AuditRecord } from '../audit/audit.service';
import { CaseResolutionEntity } from '../cases/case-resolution.entity';
import { CaseEntity } from '../cases/case.entity';
import { GestureEntity } from '../cases/gesture.entity';
import { StoryIndex } from '../cases/story-index';
import { Conversation } from '../chat/conversation.entity';
import { ConversationRead } from '../chat/conversation-read.entity';
import { Customer } from '../customers/customer.entity';
import { CustomerErrors } from '../customers/customers.errors';
import { CustomersService } from '../customers/customers.service';
import { Identity } from '../customers/identity.entity';
import { rawSql } from '../database/raw-sql';
import { Transactor } from '../database/transactor';
import { ChatImageEntity } from '../images/chat-image.entity';
import { ImageStore } from '../images/image-store';
import type { ChatImage } from '../realtime/contract';
import { RealtimeService } from '../realtime/realtime.service';
import { TimelineEventEntity } from '../timeline/event.entity';
import { TimelineService } from '../timeline/timeline.service';
import { eraseForumAccounts, forumQuoteChanges } from './forum-privacy';
import { PrivacyErrors } from './privacy.errors';

/** The name an erased customer keeps, so the desk still reads "someone was here". */
export const ERASED_NAME = '已删除的顾客';

export type Erasure = { customer: Customer; alreadyErased: boolean; events: number; images: number };

/** Who asked for the erasure, for its audit entry. */
export type EraseRequest = Pick<AuditRecord, 'staff' | 'clientAddress'>;

const imagesIn = (details: Record<string, unknown> | null): string[] => {
  const one = (details?.image as ChatImage | undefined)?.id;
  const many = Array.isArray(details?.images) ? (details.images as ChatImage[]).map((i) => i.id) : [];
  return [...(one ? [one] : []), ...many].filter((id): id is string => typeof id === 'string');
};

/**
 * Erases a customer at their request: identities, phone, notes and name; every event's words
 * (through TimelineService, the one door); their images; their words in case resolutions and their
 * reactions to gestures; their forum account and what it wrote in public; their chat conversation.
 * What staff did stays, as a shape: ids, kinds, channels, times, staff authors, case titles and the
 * staff-written parts of stories. One transaction, with its audit entry: an erasure is never done
 * unrecorded. Image files go after it commits.
 */
@Injectable()
export class CustomerErasure {
  private readonly logger = new Logger(CustomerErasure.name);

  constructor(
    private readonly customers: CustomersService,
    private readonly tx: Transactor,
    private readonly timeline: TimelineService,
    private readonly stories: StoryIndex,
    private readonly files: ImageStore,
    private readonly realtime: RealtimeService,
    private readonly audit: AuditService,
  ) {}

  async erase(id: string, confirmName: string, by: EraseRequest): Promise<Erasure> {
    const record = (details: { alreadyErased: boolean; events: number; images: number }) => ({
      ...by,
      action: 'customer.erase',
      target: { type: 'customer', id },
      // Who and which id only: never the name that was erased.
      details,
    });
    const current = await this.customers.get(id);
    // Twice is harmless: the second time there is nothing left to remove.
    if (current.erasedAt) return this.alreadyErased(current, record);
    if (confirmName.trim() !== current.displayName.trim()) throw PrivacyErrors.confirmMismatch();

    const done = await this.tx.run(async (m) => {
      const pg = m.connection.options.type === 'postgres';
      const customer = await m.findOne(Customer, { where: { id }, ...(pg ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
      if (!customer) throw CustomerErrors.notFound();
      if (customer.mergedIntoId || customer.displayName !== current.displayName) throw PrivacyErrors.changedMeanwhile();
      if (customer.erasedAt) return null;

      // Customers merged into this one are the same person: their leftover rows go too.
      const mergedIn = (await m.find(Customer, { where: { mergedIntoId: id }, select: { id: true } })).map((c) => c.id);
      const people = [id, ...mergedIn];
      const identities = await m.find(Identity, { where: { customerId: id } });
      const visitorIds = identities.filter((i) => i.channel === 'web').map((i) => i.externalId);

      // Their images: what they sent in chat, photos of their visits, pictures in their forum posts,
      // and anything their visitor or forum accounts uploaded but never sent. Staff images in their
      // chat stay (staff share product photos between conversations); the event no longer points at them.
      const withImages = await m.find(TimelineEventEntity, {
        where: { customerId: id, kind: In(['chat.message', 'store.visit']) },
        select: { id: true, kind: true, authorType: true, details: true },
      });
      const referenced = withImages.filter((e) => e.kind === 'store.visit' || e.authorType === 'customer').flatMap((e) => imagesIn(e.details));
      const forum = await eraseForumAccounts(m, people);
      const uploads = [
        ...(visitorIds.length ? await m.find(ChatImageEntity, { where: { uploaderType: 'visitor', uploaderId: In(visitorIds) }, select: { id: true } }) : []),
        ...(forum.memberIds.length ? await m.find(ChatImageEntity, { where: { uploaderType: 'member', uploaderId: In(forum.memberIds) }, select: { id: true } }) : []),
      ].map((i) => i.id);
      const imageIds = [...new Set([...referenced, ...forum.imageIds, ...uploads])];
      const images = imageIds.length ? await m.find(ChatImageEntity, { where: { id: In(imageIds) } }) : [];
      if (images.length) await m.delete(ChatImageEntity, { id: In(images.map((i) => i.id)) });

      const eventIds = await this.timeline.eraseCustomer(m, id, people);
      // Other people's forum events that quote them (their thread's title, their name as the helper).
      await this.timeline.redactQuotes(m, await forumQuoteChanges(m, forum.quoted));
      // A reply to WeChat still waiting to go out carries its text.
      for (let i = 0; i < eventIds.length; i += 500) await rawSql(m, `DELETE FROM wechat_outbox WHERE event_id IN (${eventIds.slice(i, i + 500).join(', ')})`, []);

      await m.delete(Identity, { customerId: id });
      await m.delete(ConversationRead, { customerId: In(people) });
      await m.delete(Conversation, { customerId: In(people) });
      await m.update(Conversation, { suggestedCustomerId: In(people) }, { suggestedCustomerId: null });

      const cases = await m.find(CaseEntity, { where: { customerId: id }, select: { id: true } });
      if (cases.length) await m.update(CaseResolutionEntity, { caseId: In(cases.map((c) => c.id)) }, { customerWords: null });
      await m.update(GestureEntity, { customerId: id }, { reaction: null, reactionAt: null });

      const now = new Date();
      await m.update(Customer, { id: In(people) }, { displayName: ERASED_NAME, phone: null, notes: '', origin: null, erasedAt: now });
      // Stories are indexed with the customer's name and words: index them again without.
      for (const c of cases) await this.stories.refresh(m, c.id);
      await this.audit.recordWithin(m, record({ alreadyErased: false, events: eventIds.length, images: images.length }));
      return { events: eventIds.length, images };
    });
    if (!done) return this.alreadyErased(await this.customers.get(id), record);

    // Files after the commit: a rollback must never leave rows pointing at deleted files.
    for (const image of done.images) {
      await Promise.all([this.files.remove(image.storagePath), this.files.remove(image.thumbPath)]).catch((err: Error) =>
        this.logger.warn({ msg: 'Erased image file not removed', imageId: image.id, reason: err.message }),
      );
    }
    this.realtime.publishErased(id);
    this.logger.log({ msg: 'Customer erased', customerId: id, events: done.events, images: done.images.length });
    return { customer: await this.customers.get(id), alreadyErased: false, events: done.events, images: done.images.length };
  }

  private async alreadyErased(customer: Customer, record: (d: Omit<Erasure, 'customer'>) => AuditRecord): Promise<Erasure> {
    const answer = { alreadyErased: true, events: 0, images: 0 };
    await this.audit.record(record(answer));
    return { customer, ...answer };
  }
}
