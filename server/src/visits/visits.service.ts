import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { InboxService } from '../chat/inbox.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { CustomersService } from '../customers/customers.service';
import { MergeHooks } from '../customers/merge-hooks';
import { rawSql } from '../database/raw-sql';
import { Transactor } from '../database/transactor';
import { ImagesService } from '../images/images.service';
import type { ChatImage, StoreVisitDetails, TimelineEvent, TodayVisits } from '../realtime/contract';
import type { Staff } from '../staff/staff.entity';
import { Store } from '../stores/store.entity';
import { TimelineEventEntity } from '../timeline/event.entity';
import { toTimelineEvent } from '../timeline/timeline.mapper';
import { TimelineService } from '../timeline/timeline.service';
import { appendVisit } from './append-visit';
import { NewVisitDto } from './dto/visit.dto';
import { startOfLocalDay } from '../common/local-time';
import { VisitErrors } from './visits.errors';

/**
 * Walk-in visits. A visit is a `store.visit` event on the customer's timeline (through the one
 * door), indexed by store and time for the store's diary; "follow-up needed" puts the person in
 * the desk inbox. Idempotent per staff member and draft.
 */
@Injectable()
export class VisitsService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly tx: Transactor,
    private readonly timeline: TimelineService,
    private readonly customers: CustomersService,
    private readonly images: ImagesService,
    private readonly inbox: InboxService,
    private readonly mergeHooks: MergeHooks,
  ) {}

  onModuleInit() {
    // A merge moves the visits' events; the diary's index follows them.
    this.mergeHooks.register((m, fromId, intoId) =>
      rawSql(m, 'UPDATE store_visits SET customer_id = $1 WHERE customer_id = $2', [intoId, fromId]).then(() => undefined),
    );
  }

  async log(staff: Staff, input: NewVisitDto): Promise<{ event: TimelineEvent; created: boolean }> {
    // A resent draft that was stored is answered with its visit before anything is re-checked: a
    // merge or a store move since must not turn a retry into a refusal (and a re-typed duplicate).
    const stored = await this.dataSource.getRepository(TimelineEventEntity).findOneBy({ source: 'store.visit', sourceId: `${staff.id}:${input.clientId}` });
    if (stored) return { event: toTimelineEvent(stored), created: false };
    const store = await this.storeFor(staff, input.storeId);
    await this.customers.get(input.customerId);
    const reasonText = input.reasonText ?? '';
    if (!input.reasons.length && !reasonText) throw VisitErrors.reasonRequired();
    const followUpNote = input.followUpNote || null;
    if (input.outcome === 'follow_up' && !followUpNote) throw VisitErrors.followUpNoteRequired();
    const images: ChatImage[] = [];
    for (const id of input.imageIds ?? []) {
      const image = await this.images.findForSender(id, { type: 'staff', id: staff.id });
      if (!image) throw VisitErrors.imageNotFound();
      images.push(image);
    }
    const details: StoreVisitDetails = {
      clientId: input.clientId,
      storeId: store.id,
      storeName: store.name,
      staffName: staff.displayName,
      reasons: input.reasons,
      reasonText,
      actions: input.actions ?? '',
      outcome: input.outcome,
      followUpNote: input.outcome === 'follow_up' ? followUpNote : null,
      images,
    };
    const result = await this.tx.run((m) =>
      appendVisit(m, { timeline: this.timeline, inbox: this.inbox }, { customerId: input.customerId, staff, details }),
    );
    if (result.created) {
      this.timeline.publish(result.event);
      if (details.followUpNote) this.inbox.announce(input.customerId);
    }
    return result;
  }

  /** Who came in today at the store (the staff member's own, or the one asked for), newest first. */
  async today(staff: Staff, storeId?: string): Promise<TodayVisits> {
    const store = await this.storeFor(staff, storeId);
    const since = startOfLocalDay(new Date(), this.config.storeTimeZone);
    const rows = await rawSql<{ event_id: number; display_name: string; phone: string | null; customer_id: string }[]>(
      this.dataSource,
      `SELECT v.event_id, v.customer_id, c.display_name, c.phone FROM store_visits v JOIN customers c ON c.id = v.customer_id
       WHERE v.store_id = $1 AND v.occurred_at >= $2 ORDER BY v.occurred_at DESC, v.event_id DESC LIMIT 500`,
      [store.id, since],
    );
    const events = await this.dataSource.getRepository(TimelineEventEntity).findBy({ id: In(rows.map((r) => Number(r.event_id))) });
    const byId = new Map(events.map((e) => [e.id, toTimelineEvent(e)]));
    return {
      store: { id: store.id, name: store.name, city: store.city },
      visits: rows
        .filter((r) => byId.has(Number(r.event_id)))
        .map((r) => ({ event: byId.get(Number(r.event_id))!, customer: { id: r.customer_id, displayName: r.display_name, phone: r.phone } })),
    };
  }

  private async storeFor(staff: Staff, storeId: string | undefined): Promise<Store> {
    if (staff.role === 'store') {
      if (!staff.storeId) throw VisitErrors.noStore();
      if (storeId && storeId !== staff.storeId) throw VisitErrors.otherStore();
    }
    const id = staff.role === 'store' ? staff.storeId : (storeId ?? staff.storeId);
    if (!id) throw VisitErrors.noStore();
    const store = await this.dataSource.getRepository(Store).findOneBy({ id });
    if (!store) throw VisitErrors.storeNotFound();
    return store;
  }
}
