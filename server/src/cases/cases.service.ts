import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { isEventId } from '../common/ids';
import { createOnce } from '../database/create-once';
import { CustomersService } from '../customers/customers.service';
import { MergeHooks } from '../customers/merge-hooks';
import { rawSql } from '../database/raw-sql';
import { Transactor } from '../database/transactor';
import type { CaseDetail, CaseSummary, TimelineEvent } from '../realtime/contract';
import { RealtimeService } from '../realtime/realtime.service';
import type { Staff } from '../staff/staff.entity';
import { TimelineEventEntity } from '../timeline/event.entity';
import { toTimelineEvent } from '../timeline/timeline.mapper';
import { seesDeskOnly, TimelineService } from '../timeline/timeline.service';
import { CaseOnItEntity, CaseThemeEntity } from './case-on-it.entity';
import { CaseResolutionEntity } from './case-resolution.entity';
import { CaseEntity } from './case.entity';
import { CaseErrors } from './cases.errors';
import { normaliseThemes, staffChannel, storyText, toGesture, toResolution } from './cases.mapper';
import { AttachEventsDto, NewCaseDto, ResolutionDto, UpdateCaseDto } from './dto/cases.dto';
import { GestureEntity } from './gesture.entity';
import { StoryIndex } from './story-index';

/** Kinds a case keeps for itself: its own opening, resolution and gesture entries. */
const OWN_SOURCES = new Set(['case', 'gesture']);

type Change<T> = { result: T; events: TimelineEvent[] };

/**
 * Cases: a thread through one customer's events about one need. Open or resolved; no due date,
 * priority, timer or assignee — people say "I'm on it". Resolving writes the story (versioned).
 * Every entry goes on the timeline through the one door; watchers get `case.changed`.
 */
@Injectable()
export class CasesService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: Transactor,
    private readonly timeline: TimelineService,
    private readonly customers: CustomersService,
    private readonly realtime: RealtimeService,
    private readonly mergeHooks: MergeHooks,
    private readonly stories: StoryIndex,
  ) {}

  onModuleInit() {
    // Events move to the surviving customer in a merge; their cases and gestures follow.
    this.mergeHooks.register(async (m, fromId, intoId) => {
      const moved = await rawSql<{ id: string }[]>(m, 'UPDATE cases SET customer_id = $1 WHERE customer_id = $2 RETURNING id', [intoId, fromId]);
      await rawSql(m, 'UPDATE gestures SET customer_id = $1 WHERE customer_id = $2', [intoId, fromId]);
      // Their stories now read under the surviving customer's name.
      for (const { id } of moved) await this.stories.refresh(m, id);
    });
  }

  async listForCustomer(customerId: string, reader: Staff): Promise<CaseSummary[]> {
    await this.customers.get(customerId);
    const m = this.dataSource.manager;
    const cases = await m.find(CaseEntity, { where: { customerId }, order: { openedAt: 'DESC' } });
    const summaries = await this.summaries(m, cases, reader);
    // Open first (newest first), then resolved, newest resolved first.
    return summaries.sort((a, b) =>
      a.status !== b.status ? (a.status === 'open' ? -1 : 1) : (b.resolvedAt ?? b.openedAt).localeCompare(a.resolvedAt ?? a.openedAt),
    );
  }

  async detail(caseId: string, reader: Staff): Promise<CaseDetail> {
    const m = this.dataSource.manager;
    const c = await m.findOneBy(CaseEntity, { id: caseId });
    if (!c) throw CaseErrors.notFound();
    const [summary] = await this.summaries(m, [c], reader);
    const customer = await this.customers.get(c.customerId).catch(() => null);
    const events = await m.find(TimelineEventEntity, {
      where: { caseId, ...(seesDeskOnly(reader) ? {} : { deskOnly: false }) },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    const resolutions = await m.find(CaseResolutionEntity, { where: { caseId }, order: { version: 'DESC' } });
    const current = resolutions.find((r) => r.version === c.resolutionVersion) ?? null;
    const gestures = await m.find(GestureEntity, { where: { caseId }, order: { createdAt: 'ASC' } });
    return {
      ...summary,
      customer: { id: c.customerId, displayName: customer?.displayName ?? '' },
      events: events.map(toTimelineEvent),
      resolution: current ? toResolution(current) : null,
      history: resolutions.filter((r) => r !== current).map(toResolution),
      gestures: gestures.map(toGesture),
    };
  }

  async open(staff: Staff, input: NewCaseDto): Promise<{ detail: CaseDetail; created: boolean }> {
    const clientKey = `${staff.id}:${input.clientId}`;
    const outcome = await createOnce(
      () => this.dataSource.manager.findOneBy(CaseEntity, { clientKey }),
      async (): Promise<Change<string>> => {
        await this.customers.get(input.customerId);
        const title = input.title;
        const themes = normaliseThemes(input.themes ?? []);
        return this.tx.run(async (m) => {
          const from = input.fromEventId ? await this.eventOf(m, input.customerId, input.fromEventId, staff) : null;
          if (from?.caseId) throw CaseErrors.eventInOtherCase(await this.titleOf(m, from.caseId));
          const c = await m.save(
            m.create(CaseEntity, {
              customerId: input.customerId,
              title,
              status: 'open',
              openedById: staff.id,
              openedByName: staff.displayName,
              openedAt: new Date(),
              resolvedAt: null,
              clientKey,
            }),
          );
          if (themes.length) await m.insert(CaseThemeEntity, themes.map((theme) => ({ caseId: c.id, theme })));
          const { event } = await this.timeline.appendWithin(m, {
            customerId: input.customerId,
            kind: 'case.opened',
            channel: staffChannel(staff.role),
            author: { type: 'staff', id: staff.id, name: staff.displayName },
            body: title,
            details: { caseId: c.id, title },
            source: 'case',
            sourceId: `${c.id}:opened`,
            caseId: c.id,
          });
          if (from) await this.attachRows(m, c.id, [from]);
          return { result: c.id, events: [event] };
        });
      },
    );
    if ('stored' in outcome) return { detail: await this.detail(outcome.stored.id, staff), created: false };
    return { detail: await this.published(outcome.created, staff), created: true };
  }

  async update(staff: Staff, caseId: string, input: UpdateCaseDto): Promise<CaseDetail> {
    const change = await this.tx.run(async (m) => {
      const c = await this.lockCase(m, caseId);
      if (input.title !== undefined && input.title !== c.title) await m.update(CaseEntity, { id: caseId }, { title: input.title });
      if (input.themes) await this.setThemes(m, caseId, normaliseThemes(input.themes));
      await this.stories.refresh(m, caseId);
      return { result: caseId, events: [] };
    });
    return this.published(change, staff);
  }

  async attach(staff: Staff, caseId: string, input: AttachEventsDto): Promise<CaseDetail> {
    const change = await this.tx.run(async (m) => {
      const c = await this.lockCase(m, caseId);
      const rows: TimelineEventEntity[] = [];
      for (const id of input.eventIds) {
        const event = await this.eventOf(m, c.customerId, id, staff);
        if (event.caseId && event.caseId !== caseId) throw CaseErrors.eventInOtherCase(await this.titleOf(m, event.caseId));
        rows.push(event);
      }
      await this.attachRows(m, caseId, rows);
      await this.stories.refresh(m, caseId);
      return { result: caseId, events: [] };
    });
    return this.published(change, staff);
  }

  async detach(staff: Staff, caseId: string, eventId: string): Promise<CaseDetail> {
    const change = await this.tx.run(async (m) => {
      const c = await this.lockCase(m, caseId);
      const event = await this.eventOf(m, c.customerId, eventId, staff);
      if (event.caseId !== caseId) throw CaseErrors.eventNotFound();
      if (OWN_SOURCES.has(event.source)) throw CaseErrors.eventRequired();
      await rawSql(m, 'UPDATE events SET case_id = NULL WHERE id = $1', [event.id]);
      return { result: caseId, events: [] };
    });
    return this.published(change, staff);
  }

  async setOnIt(staff: Staff, caseId: string, onIt: boolean): Promise<CaseDetail> {
    const change = await this.tx.run(async (m) => {
      await this.lockCase(m, caseId);
      await m.delete(CaseOnItEntity, { caseId, staffId: staff.id });
      if (onIt) await m.insert(CaseOnItEntity, { caseId, staffId: staff.id, staffName: staff.displayName, since: new Date() });
      return { result: caseId, events: [] };
    });
    return this.published(change, staff);
  }

  /** Resolves an open case, or adds a version to a resolved case's story. */
  async resolve(staff: Staff, caseId: string, input: ResolutionDto): Promise<CaseDetail> {
    const change = await this.tx.run(async (m) => {
      const c = await this.lockCase(m, caseId);
      if (input.expectedVersion !== c.resolutionVersion) {
        const current = await m.findOneBy(CaseResolutionEntity, { caseId, version: c.resolutionVersion });
        throw CaseErrors.resolutionChanged(current?.writtenByName ?? 'Someone', c.resolutionVersion);
      }
      const themes = input.themes ? normaliseThemes(input.themes) : (await m.findBy(CaseThemeEntity, { caseId })).map((t) => t.theme);
      if (input.themes) await this.setThemes(m, caseId, themes);
      const version = c.resolutionVersion + 1;
      const now = new Date();
      const resolution = {
        caseId,
        version,
        needed: input.needed,
        did: input.did,
        felt: input.felt,
        customerWords: input.customerWords || null,
        themes,
        writtenById: staff.id,
        writtenByName: staff.displayName,
        writtenAt: now,
      };
      await m.insert(CaseResolutionEntity, resolution);
      const events: TimelineEvent[] = [];
      if (c.status === 'open') {
        const resolveCount = c.resolveCount + 1;
        await m.update(CaseEntity, { id: caseId }, { status: 'resolved', resolvedAt: now, resolveCount, resolutionVersion: version });
        const { event } = await this.timeline.appendWithin(m, {
          customerId: c.customerId,
          kind: 'case.resolved',
          channel: staffChannel(staff.role),
          author: { type: 'staff', id: staff.id, name: staff.displayName },
          body: storyText(resolution),
          details: { caseId, title: c.title, version, themes },
          source: 'case',
          sourceId: `${caseId}:resolved:${resolveCount}`,
          caseId,
        });
        events.push(event);
      } else {
        await m.update(CaseEntity, { id: caseId }, { resolutionVersion: version });
      }
      await this.stories.refresh(m, caseId);
      return { result: caseId, events };
    });
    return this.published(change, staff);
  }

  async reopen(staff: Staff, caseId: string): Promise<CaseDetail> {
    const change = await this.tx.run(async (m) => {
      const c = await this.lockCase(m, caseId);
      if (c.status === 'open') throw CaseErrors.alreadyOpen();
      await m.update(CaseEntity, { id: caseId }, { status: 'open', resolvedAt: null });
      const { event } = await this.timeline.appendWithin(m, {
        customerId: c.customerId,
        kind: 'case.opened',
        channel: staffChannel(staff.role),
        author: { type: 'staff', id: staff.id, name: staff.displayName },
        body: c.title,
        details: { caseId, title: c.title, reopened: true },
        source: 'case',
        sourceId: `${caseId}:reopened:${c.resolveCount}`,
        caseId,
      });
      await this.stories.refresh(m, caseId);
      return { result: caseId, events: [event] };
    });
    return this.published(change, staff);
  }

  /** A case of this customer, for features that hang things on it (gestures). */
  async requireForCustomer(m: EntityManager, caseId: string, customerId: string): Promise<CaseEntity> {
    // Locked: what is hung on it changes the story (and its search row) too.
    const c = await this.lockCase(m, caseId);
    if (c.customerId !== customerId) throw CaseErrors.otherCustomer();
    return c;
  }

  /** After a commit: the new timeline entries, then the case as watchers should now see it. */
  async announce(caseId: string, events: TimelineEvent[], reader: Staff): Promise<CaseDetail> {
    for (const event of events) this.timeline.publish(event);
    const detail = await this.detail(caseId, reader);
    // Watchers get the case as they may see it: store staff without desk-only events' ids.
    const m = this.dataSource.manager;
    const [full] = await this.summaries(m, [await m.findOneByOrFail(CaseEntity, { id: caseId })], { role: 'system' });
    const hidden = new Set((await m.find(TimelineEventEntity, { select: { id: true }, where: { caseId, deskOnly: true } })).map((e) => String(e.id)));
    this.realtime.publishCase(full, hidden.size ? { ...full, eventIds: full.eventIds.filter((id) => !hidden.has(id)) } : full);
    return detail;
  }

  async summaries(m: EntityManager, cases: CaseEntity[], reader: { role: string }): Promise<CaseSummary[]> {
    if (!cases.length) return [];
    const ids = cases.map((c) => c.id);
    const themes = await m.find(CaseThemeEntity, { where: { caseId: In(ids) } });
    const onIt = await m.find(CaseOnItEntity, { where: { caseId: In(ids) }, order: { since: 'ASC' } });
    const events = await m.find(TimelineEventEntity, {
      select: { id: true, caseId: true },
      where: { caseId: In(ids), ...(seesDeskOnly(reader) ? {} : { deskOnly: false }) },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    return cases.map((c) => ({
      id: c.id,
      customerId: c.customerId,
      title: c.title,
      status: c.status,
      themes: themes.filter((t) => t.caseId === c.id).map((t) => t.theme).sort(),
      openedBy: { id: c.openedById, name: c.openedByName },
      openedAt: c.openedAt.toISOString(),
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
      onIt: onIt.filter((o) => o.caseId === c.id).map((o) => ({ id: o.staffId, name: o.staffName })),
      eventIds: events.filter((e) => e.caseId === c.id).map((e) => String(e.id)),
    }));
  }

  private published(change: Change<string>, reader: Staff): Promise<CaseDetail> {
    return this.announce(change.result, change.events, reader);
  }

  /** The case, locked for this transaction on PostgreSQL (SQLite transactions already run one at a time). */
  async lockCase(m: EntityManager, caseId: string): Promise<CaseEntity> {
    if (m.connection.options.type === 'postgres') await m.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
    const c = await m.findOneBy(CaseEntity, { id: caseId });
    if (!c) throw CaseErrors.notFound();
    return c;
  }

  /** An event of this customer that this reader may see (store staff never see desk-only ones). */
  private async eventOf(m: EntityManager, customerId: string, eventId: string, reader: Staff): Promise<TimelineEventEntity> {
    const event = isEventId(eventId) ? await m.findOneBy(TimelineEventEntity, { id: Number(eventId) }) : null;
    if (!event || event.customerId !== customerId || (event.deskOnly && !seesDeskOnly(reader))) throw CaseErrors.eventNotFound();
    return event;
  }

  private async titleOf(m: EntityManager, caseId: string): Promise<string> {
    return (await m.findOneBy(CaseEntity, { id: caseId }))?.title ?? '';
  }

  /**
   * Attaches events; a gesture's entry brings the gesture and all its entries along. The update only
   * takes events that are free (or already here): on PostgreSQL a concurrent attach to another case
   * may have won since they were read, and then this one is refused rather than stealing them.
   */
  private async attachRows(m: EntityManager, caseId: string, rows: TimelineEventEntity[]): Promise<void> {
    const ids = rows.map((r) => r.id);
    if (ids.length) {
      const taken = await rawSql<{ id: number }[]>(
        m,
        `UPDATE events SET case_id = $1 WHERE id IN (${ids.map((_, i) => `$${i + 2}`).join(', ')}) AND (case_id IS NULL OR case_id = $1) RETURNING id`,
        [caseId, ...ids],
      );
      if (taken.length < ids.length) {
        const lost = await m.findOneBy(TimelineEventEntity, { id: In(ids.filter((id) => !taken.some((t) => Number(t.id) === id))) });
        throw CaseErrors.eventInOtherCase(lost?.caseId ? await this.titleOf(m, lost.caseId) : '');
      }
    }
    for (const row of rows.filter((r) => r.source === 'gesture')) {
      const gestureId = row.sourceId.split(':')[0];
      await rawSql(m, 'UPDATE gestures SET case_id = $1 WHERE id = $2 AND case_id IS NULL', [caseId, gestureId]);
      await rawSql(m, "UPDATE events SET case_id = $1 WHERE source = 'gesture' AND source_id LIKE $2 AND case_id IS NULL", [caseId, `${gestureId}:%`]);
    }
  }

  private async setThemes(m: EntityManager, caseId: string, themes: string[]): Promise<void> {
    await m.delete(CaseThemeEntity, { caseId });
    if (themes.length) await m.insert(CaseThemeEntity, themes.map((theme) => ({ caseId, theme })));
  }
}
