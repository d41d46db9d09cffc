import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, IsNull, Repository } from 'typeorm';
import { Transactor } from '../database/transactor';
import type { TimelineEvent } from '../realtime/contract';
import { RealtimeService } from '../realtime/realtime.service';
import type { Staff } from '../staff/staff.entity';
import { TimelineEventEntity } from '../timeline/event.entity';
import { EventSearch } from '../timeline/event-search';
import { onlySingleCjkChars, queryTerms } from '../timeline/search-text';
import { seesDeskOnly, TimelineReader, TimelineService } from '../timeline/timeline.service';
import { Customer } from './customer.entity';
import { CustomerErrors } from './customers.errors';
import { CustomerSearchResult, SearchMatch, snippet, toCustomerDto } from './customers.mapper';
import { AddNoteDto, CreateCustomerDto, LinkIdentityDto, UpdateCustomerDto } from './dto/customer.dto';
import { Identity } from './identity.entity';
import { MergeHooks } from './merge-hooks';
import { normalizePhone } from './phone';

const staffAuthor = (s: Staff) => ({ type: 'staff' as const, id: s.id, name: s.displayName });
const likePattern = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Customers and their identities. Every staff role serves customers, so every staff role may read them. */
@Injectable()
export class CustomersService {
  private readonly logger = new Logger(CustomersService.name);

  constructor(
    @InjectRepository(Customer) private readonly customers: Repository<Customer>,
    private readonly tx: Transactor,
    private readonly timeline: TimelineService,
    private readonly search: EventSearch,
    private readonly realtime: RealtimeService,
    private readonly mergeHooks: MergeHooks,
  ) {}

  /** A live customer, or 404; a merged one answers 308 pointing at where it went. */
  async get(id: string, path = `/api/customers/${id}`): Promise<Customer> {
    const customer = await this.customers.findOne({ where: { id }, relations: { identities: true } });
    if (!customer) throw CustomerErrors.notFound();
    if (customer.mergedIntoId) throw CustomerErrors.merged(await this.finalTarget(customer.mergedIntoId), path);
    return customer;
  }

  async create(input: CreateCustomerDto, actor: Staff): Promise<Customer> {
    const phone = this.phoneOrNull(input.phone);
    // A name, a phone, or both: at a store counter either may be all there is at first.
    if (!input.displayName && !phone) throw CustomerErrors.nameOrPhoneRequired();
    const displayName = input.displayName || `顾客 ${phone!.slice(-4)}`;
    const id = await this.tx.run(async (m) => {
      // Create-or-find: a phone already on file names that person; the caller opens them instead.
      // (Phones are not unique by design — merges keep history — so PostgreSQL takes a lock per number.)
      if (phone && m.connection.options.type === 'postgres') await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`customers.phone:${phone}`]);
      const existing = phone ? await m.findOneBy(Customer, { phone, mergedIntoId: IsNull() }) : null;
      if (existing) throw CustomerErrors.phoneOnFile(existing.id, existing.displayName);
      const { identifiers } = await m.insert(Customer, { displayName, phone, notes: input.notes ?? '' });
      return identifiers[0].id as string;
    });
    this.logger.log({ msg: 'Customer created', customerId: id, by: actor.id });
    return this.get(id);
  }

  async update(id: string, input: UpdateCustomerDto, actor: Staff): Promise<Customer> {
    await this.get(id);
    const phone = input.phone === undefined ? undefined : this.phoneOrNull(input.phone);
    await this.tx.run((m) => m.update(Customer, { id }, { displayName: input.displayName, phone, notes: input.notes }));
    this.logger.log({ msg: 'Customer updated', customerId: id, fields: Object.keys(input), by: actor.id });
    return this.get(id);
  }

  async findByPhone(raw: string): Promise<Customer> {
    const phone = normalizePhone(raw);
    if (!phone) throw CustomerErrors.invalidPhone();
    const customer = await this.customers.findOne({
      where: { phone, mergedIntoId: IsNull() },
      relations: { identities: true },
      order: { lastEventAt: 'DESC' },
    });
    if (!customer) throw CustomerErrors.notFound();
    return customer;
  }

  /** Links (channel, externalId) to this customer; linking it again is a no-op, to someone else a 409. */
  async linkIdentity(id: string, input: LinkIdentityDto, actor: Staff): Promise<Identity> {
    await this.get(id);
    const { identity, event } = await this.tx.run(async (m) => {
      const existing = await m.findOneBy(Identity, { channel: input.channel, externalId: input.externalId });
      if (existing && existing.customerId !== id) throw CustomerErrors.identityElsewhere(existing.customerId);
      if (existing) return { identity: existing, event: undefined };
      const identity = m.create(Identity, { customerId: id, channel: input.channel, externalId: input.externalId, displayName: input.displayName ?? null });
      await m.save(identity);
      const { event } = await this.timeline.appendWithin(m, {
        customerId: id,
        kind: 'identity.linked',
        channel: 'system',
        author: staffAuthor(actor),
        body: `${input.channel}: ${input.displayName ?? input.externalId}`,
        details: { identityId: identity.id, channel: input.channel, externalId: input.externalId },
        source: 'identity',
        sourceId: identity.id,
        internal: true,
      });
      return { identity, event };
    });
    if (event) this.timeline.publish(event);
    return identity;
  }

  /**
   * Moves everything of `fromId` (identities, events) to `intoId` in one transaction, records a
   * customer.merged event, and leaves `fromId` pointing at `intoId`. Fields that conflict are kept
   * in the event for a person to look at; nothing is dropped.
   */
  async merge(intoId: string, fromId: string, actor: Staff): Promise<Customer> {
    if (intoId === fromId) throw CustomerErrors.mergeSelf();
    await this.get(intoId);
    await this.get(fromId);
    const event = await this.tx.run(async (m) => {
      // Read again inside the transaction, locked on PostgreSQL (lower id first, so two opposite
      // merges cannot deadlock): a merge that ran in between must not leave a loop or lose rows.
      const pg = m.connection.options.type === 'postgres';
      const rows = await m.find(Customer, { where: { id: In([intoId, fromId]) }, order: { id: 'ASC' }, ...(pg ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
      const into = rows.find((c) => c.id === intoId);
      const from = rows.find((c) => c.id === fromId);
      if (!into || !from) throw CustomerErrors.notFound();
      if (into.mergedIntoId || from.mergedIntoId) throw CustomerErrors.alreadyMerged();
      const movedIdentities = (await m.update(Identity, { customerId: fromId }, { customerId: intoId })).affected ?? 0;
      const movedEvents = (await m.update(TimelineEventEntity, { customerId: fromId }, { customerId: intoId })).affected ?? 0;
      const conflicts: Record<string, string> = {};
      if (from.phone && into.phone && from.phone !== into.phone) conflicts.phone = from.phone;
      const notes = [into.notes, from.notes].filter((n) => n.trim()).join('\n\n');
      const lastEventAt = [into.lastEventAt, from.lastEventAt].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
      await m.update(Customer, { id: intoId }, { phone: into.phone ?? from.phone, notes, lastEventAt, origin: null });
      await m.update(Customer, { id: fromId }, { mergedIntoId: intoId, phone: null });
      // Anything that pointed at `from` now points at `into`, so chains of merges stay one hop.
      await m.update(Customer, { mergedIntoId: fromId }, { mergedIntoId: intoId });
      await this.mergeHooks.run(m, fromId, intoId);
      const { event } = await this.timeline.appendWithin(m, {
        customerId: intoId,
        kind: 'customer.merged',
        channel: 'system',
        author: staffAuthor(actor),
        body: `${from.displayName} → ${into.displayName}`,
        details: { fromCustomerId: fromId, fromName: from.displayName, movedEvents, movedIdentities, conflicts },
        source: 'merge',
        sourceId: fromId,
      });
      return event;
    });
    this.timeline.publish(event);
    this.realtime.publishMerge(fromId, intoId);
    this.logger.log({ msg: 'Customers merged', intoId, fromId, by: actor.id });
    return this.get(intoId);
  }

  async addNote(id: string, input: AddNoteDto, actor: Staff): Promise<TimelineEvent> {
    // Keeping a note from store staff is the desk's choice; a store's own notes are for everyone.
    if (input.deskOnly && actor.role === 'store') throw CustomerErrors.deskOnlyFromStore();
    await this.get(id);
    const { event } = await this.timeline.append({
      customerId: id,
      kind: 'note',
      channel: 'desk',
      author: staffAuthor(actor),
      body: input.body,
      details: input.deskOnly ? { deskOnly: true } : null,
      // Namespaced by author: one person's retry is one note; two people's ids never collide.
      source: 'desk.note',
      sourceId: `${actor.id}:${input.clientId}`,
      internal: true,
      deskOnly: input.deskOnly ?? false,
    });
    return event;
  }

  /**
   * Finds customers by name, phone, identity or the words of any event. With no query: the people
   * with the most recent activity.
   */
  async searchCustomers(rawQuery: string | undefined, limit: number, reader: TimelineReader): Promise<CustomerSearchResult[]> {
    const q = (rawQuery ?? '').trim();
    if (!q) {
      const recent = await this.customers.find({
        where: { mergedIntoId: IsNull() },
        relations: { identities: true },
        order: { lastEventAt: { direction: 'DESC', nulls: 'LAST' }, createdAt: 'DESC' },
        take: limit,
      });
      return recent.map((c) => ({ customer: toCustomerDto(c), match: null }));
    }

    const matches = new Map<string, SearchMatch>();
    const pattern = likePattern(q);
    const digits = q.replace(/\D/g, '');
    const direct = await this.customers
      .createQueryBuilder('c')
      .leftJoin(Identity, 'i', 'i.customer_id = c.id')
      .select(['c.id AS id', 'c.display_name AS name', 'c.phone AS phone', 'i.channel AS channel', 'i.external_id AS external_id', 'i.display_name AS identity_name'])
      .where('c.merged_into_id IS NULL')
      .andWhere(
        new Brackets((w) => {
          w.where("LOWER(c.display_name) LIKE :pattern ESCAPE '\\'", { pattern })
            .orWhere("LOWER(i.external_id) LIKE :pattern ESCAPE '\\'", { pattern })
            .orWhere("LOWER(i.display_name) LIKE :pattern ESCAPE '\\'", { pattern });
          if (digits.length >= 4) w.orWhere('c.phone LIKE :digits', { digits: `%${digits}%` });
        }),
      )
      .limit(limit * 2)
      .getRawMany<{ id: string; name: string; phone: string | null; channel: string | null; external_id: string | null; identity_name: string | null }>();
    for (const r of direct) {
      if (matches.has(r.id)) continue;
      const lower = q.toLowerCase();
      if (r.name.toLowerCase().includes(lower)) matches.set(r.id, { field: 'name', text: r.name });
      else if (digits.length >= 4 && r.phone?.includes(digits)) matches.set(r.id, { field: 'phone', text: r.phone });
      else if (r.channel) matches.set(r.id, { field: 'identity', text: `${r.channel}: ${r.identity_name ?? r.external_id}` });
    }

    const terms = queryTerms(q);
    if (matches.size < limit && !onlySingleCjkChars(terms)) {
      for (const hit of await this.search.findPerCustomer(terms, limit - matches.size, new Set(matches.keys()), seesDeskOnly(reader))) {
        matches.set(hit.customerId, { field: 'event', text: snippet(hit.body, q), eventId: String(hit.eventId), occurredAt: hit.occurredAt.toISOString() });
      }
    }

    const ids = [...matches.keys()].slice(0, limit);
    if (ids.length === 0) return [];
    const found = await this.customers.find({ where: { id: In(ids) }, relations: { identities: true } });
    const byId = new Map(found.map((c) => [c.id, c]));
    return ids.flatMap((id) => {
      const c = byId.get(id);
      return c ? [{ customer: toCustomerDto(c), match: matches.get(id) ?? null }] : [];
    });
  }

  private async finalTarget(id: string): Promise<string> {
    let current = id;
    for (let hops = 0; hops < 10; hops++) {
      const next = await this.customers.findOne({ where: { id: current }, select: { id: true, mergedIntoId: true } });
      if (!next?.mergedIntoId) return current;
      current = next.mergedIntoId;
    }
    return current;
  }

  private phoneOrNull(raw: string | null | undefined): string | null {
    if (raw === undefined || raw === null || raw.trim() === '') return null;
    const phone = normalizePhone(raw);
    if (!phone) throw CustomerErrors.invalidPhone();
    return phone;
  }
}
