import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { CaseThemeEntity } from '../cases/case-on-it.entity';
import { CaseResolutionEntity } from '../cases/case-resolution.entity';
import { CaseEntity } from '../cases/case.entity';
import { normaliseThemes, toGesture, toResolution } from '../cases/cases.mapper';
import { GestureEntity } from '../cases/gesture.entity';
import { StoryIndex } from '../cases/story-index';
import { UUID_PATTERN } from '../common/ids';
import { decodeKeyset, encodeKeyset } from '../common/keyset-cursor';
import { localMonth, localMonthRange, startOfLocalDate } from '../common/local-time';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Customer } from '../customers/customer.entity';
import { createOnce } from '../database/create-once';
import { parseDbDate } from '../database/dates';
import { rawSql } from '../database/raw-sql';
import { Transactor } from '../database/transactor';
import type { GestureKind, StaffRef, Story, StoryCard, StoryPage, ThanksNote, ThemesMonth } from '../realtime/contract';
import { RealtimeService } from '../realtime/realtime.service';
import type { Staff } from '../staff/staff.entity';
import { Store } from '../stores/store.entity';
import { TimelineEventEntity } from '../timeline/event.entity';
import { toTimelineEvent } from '../timeline/timeline.mapper';
import { seesDeskOnly } from '../timeline/timeline.service';
import { StoriesQuery, ThanksDto } from './dto/stories.dto';
import { StoryErrors } from './stories.errors';
import { StoryThanksEntity } from './story-thanks.entity';

const MANAGERS = new Set(['manager', 'admin']);
/** `$1, $2, …` for a list of values that follow `offset` earlier parameters. */
const placeholders = (values: unknown[], offset = 0) => values.map((_, i) => `$${offset + i + 1}`).join(', ');

/**
 * Stories: resolved cases as managers read them. A reading view over cases, resolutions, gestures
 * and the attached timeline excerpts, with highlights and thank-you notes. Nothing here counts or
 * times what staff do; the only numbers are of customers' needs (themes).
 */
@Injectable()
export class StoriesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly tx: Transactor,
    private readonly index: StoryIndex,
    private readonly realtime: RealtimeService,
  ) {}

  private get m(): EntityManager {
    return this.dataSource.manager;
  }

  async page(reader: Staff, q: StoriesQuery): Promise<StoryPage> {
    const limit = q.limit ?? 20;
    const where = [`c.status = 'resolved'`];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (q.theme) where.push(`c.id IN (SELECT case_id FROM case_themes WHERE theme = ${param(normaliseThemes([q.theme])[0] ?? '')})`);
    const visible = seesDeskOnly(reader) ? '' : ' AND e.desk_only = false';
    if (q.channel) where.push(`EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.channel = ${param(q.channel)}${visible})`);
    if (q.storeId) {
      where.push(`EXISTS (SELECT 1 FROM events e JOIN store_visits sv ON sv.event_id = e.id WHERE e.case_id = c.id AND sv.store_id = ${param(q.storeId)})`);
    }
    const from = q.from ? this.localDate(q.from, 0) : null;
    const to = q.to ? this.localDate(q.to, 1) : null;
    if (from && to && from >= to) throw StoryErrors.badPeriod();
    if (from) where.push(`c.resolved_at >= ${param(from)}`);
    if (to) where.push(`c.resolved_at < ${param(to)}`);
    if (q.highlighted === 'true') where.push('c.highlighted_at IS NOT NULL');
    if (q.highlighted === 'week') where.push(`c.highlighted_at >= ${param(new Date(Date.now() - 7 * 86_400_000))}`);
    if (q.mine === 'true') {
      const me = param(reader.id);
      where.push(`c.id IN (SELECT id FROM cases WHERE opened_by_id = ${me}
        UNION SELECT case_id FROM case_resolutions WHERE written_by_id = ${me}
        UNION SELECT case_id FROM case_on_it WHERE staff_id = ${me}
        UNION SELECT case_id FROM gestures WHERE given_by_id = ${me} AND case_id IS NOT NULL
        UNION SELECT case_id FROM events WHERE author_type = 'staff' AND author_id = ${param(reader.id)} AND case_id IS NOT NULL)`);
    }
    if (q.q) {
      const match = this.index.condition(q.q, params.length + 1);
      if (!match) return { stories: [], nextCursor: null };
      params.push(match.value);
      where.push(match.sql);
    }
    if (q.before) {
      const cursor = decodeStoryCursor(q.before);
      const at = param(cursor.resolvedAt);
      where.push(`(c.resolved_at < ${at} OR (c.resolved_at = ${at} AND c.id < ${param(cursor.id)}))`);
    }
    const rows = await rawSql<{ id: string; resolved_at: string | Date }[]>(
      this.m,
      `SELECT c.id, c.resolved_at FROM cases c WHERE ${where.join(' AND ')} ORDER BY c.resolved_at DESC, c.id DESC LIMIT ${limit + 1}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      stories: await this.cards(page.map((r) => r.id), reader),
      nextCursor: rows.length > limit && last ? encodeKeyset(parseDbDate(last.resolved_at), last.id) : null,
    };
  }

  async facets(): Promise<{ themes: string[]; stores: { id: string; name: string }[] }> {
    const themes = await rawSql<{ theme: string }[]>(
      this.m,
      `SELECT DISTINCT t.theme FROM case_themes t JOIN cases c ON c.id = t.case_id WHERE c.status = 'resolved' ORDER BY t.theme`,
      [],
    );
    const stores = await this.m.find(Store, { order: { name: 'ASC' } });
    return { themes: themes.map((t) => t.theme), stores: stores.map((s) => ({ id: s.id, name: s.name })) };
  }

  async story(caseId: string, reader: Staff): Promise<Story> {
    const [story] = await this.stories([caseId], reader);
    if (!story) throw StoryErrors.notFound();
    return story;
  }

  /** Full stories in the order asked (unknown or unresolved ids are skipped). */
  async stories(ids: string[], reader: Staff): Promise<Story[]> {
    const cards = await this.cards(ids, reader);
    if (!cards.length) return [];
    const caseIds = cards.map((c) => c.caseId);
    const cases = await this.m.find(CaseEntity, { where: { id: In(caseIds) } });
    const resolutions = await this.m.find(CaseResolutionEntity, { where: { caseId: In(caseIds) } });
    const gestures = await this.m.find(GestureEntity, { where: { caseId: In(caseIds) }, order: { createdAt: 'ASC' } });
    // The key excerpts: what happened across channels, not the case's own bookkeeping entries.
    const excerpts = await this.m.find(TimelineEventEntity, {
      where: { caseId: In(caseIds), source: Not(In(['case', 'gesture'])), ...(seesDeskOnly(reader) ? {} : { deskOnly: false }) },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    const thanks = await this.m.find(StoryThanksEntity, {
      where: { caseId: In(caseIds), ...(MANAGERS.has(reader.role) ? {} : { toStaffId: reader.id }) },
      order: { createdAt: 'ASC' },
    });
    return cards.map((card) => {
      const c = cases.find((x) => x.id === card.caseId)!;
      const resolution = resolutions.find((r) => r.caseId === c.id && r.version === c.resolutionVersion)!;
      return {
        ...card,
        resolution: toResolution(resolution),
        gestures: gestures.filter((g) => g.caseId === c.id).map(toGesture),
        excerpts: excerpts.filter((e) => e.caseId === c.id).map(toTimelineEvent),
        thanks: thanks.filter((t) => t.caseId === c.id).map((t) => toThanks(t, c.title)),
      };
    });
  }

  async highlight(staff: Staff, caseId: string, note: string | null): Promise<Story> {
    await this.tx.run(async (m) => {
      const c = await m.findOneBy(CaseEntity, { id: caseId, status: 'resolved' });
      if (!c) throw StoryErrors.notFound();
      await m.update(CaseEntity, { id: caseId }, { highlightedAt: new Date(), highlightedById: staff.id, highlightedByName: staff.displayName, highlightNote: note || null });
    });
    return this.story(caseId, staff);
  }

  async unhighlight(staff: Staff, caseId: string): Promise<Story> {
    await this.tx.run(async (m) => {
      const c = await m.findOneBy(CaseEntity, { id: caseId, status: 'resolved' });
      if (!c) throw StoryErrors.notFound();
      await m.update(CaseEntity, { id: caseId }, { highlightedAt: null, highlightedById: null, highlightedByName: null, highlightNote: null });
    });
    return this.story(caseId, staff);
  }

  async thank(staff: Staff, caseId: string, input: ThanksDto): Promise<{ note: ThanksNote; created: boolean }> {
    const clientKey = `${staff.id}:${input.clientId}`;
    const story = await this.story(caseId, staff);
    const outcome = await createOnce(
      () => this.m.findOneBy(StoryThanksEntity, { clientKey }),
      () => {
        const helper = story.helpers.find((h) => h.id === input.toStaffId);
        if (!helper) throw StoryErrors.notHelper();
        return this.tx.run((m) =>
          m.save(
            m.create(StoryThanksEntity, {
              caseId,
              toStaffId: helper.id,
              toName: helper.name,
              fromStaffId: staff.id,
              fromName: staff.displayName,
              body: input.body,
              clientKey,
              seenAt: null,
            }),
          ),
        );
      },
    );
    // A repeat answers with the note first made (with its own story's title: the client id might have been reused elsewhere).
    if ('stored' in outcome) return { note: toThanks(outcome.stored, (await this.titles([outcome.stored.caseId])).get(outcome.stored.caseId) ?? ''), created: false };
    const note = toThanks(outcome.created, story.title);
    this.realtime.publishThanks(note);
    return { note, created: true };
  }

  async myThanks(staff: Staff): Promise<{ thanks: ThanksNote[]; unseen: number }> {
    const rows = await this.m.find(StoryThanksEntity, { where: { toStaffId: staff.id }, order: { createdAt: 'DESC' }, take: 200 });
    const titles = await this.titles(rows.map((r) => r.caseId));
    return { thanks: rows.map((r) => toThanks(r, titles.get(r.caseId) ?? '')), unseen: rows.filter((r) => !r.seenAt).length };
  }

  async markThanksSeen(staff: Staff): Promise<void> {
    await this.tx.run((m) => rawSql(m, 'UPDATE story_thanks SET seen_at = $1 WHERE to_staff_id = $2 AND seen_at IS NULL', [new Date(), staff.id]));
  }

  /** What customers came with in a month (cases opened then), by theme: customers' needs, not staff output. */
  async themes(month = localMonth(new Date(), this.config.storeTimeZone)): Promise<ThemesMonth> {
    const { start, end } = localMonthRange(month, this.config.storeTimeZone);
    const rows = await rawSql<{ theme: string | null; id: string; title: string; status: 'open' | 'resolved'; customer_id: string; display_name: string }[]>(
      this.m,
      `SELECT t.theme, c.id, c.title, c.status, c.customer_id, cu.display_name
       FROM cases c JOIN customers cu ON cu.id = c.customer_id LEFT JOIN case_themes t ON t.case_id = c.id
       WHERE c.opened_at >= $1 AND c.opened_at < $2 ORDER BY c.opened_at DESC`,
      [start, end],
    );
    const byTheme = new Map<string, { customers: Set<string>; cases: ThemesMonth['themes'][number]['cases'] }>();
    let unthemed = 0;
    for (const r of rows) {
      if (!r.theme) {
        unthemed++;
        continue;
      }
      const entry = byTheme.get(r.theme) ?? { customers: new Set<string>(), cases: [] };
      entry.customers.add(r.customer_id);
      entry.cases.push({ id: r.id, title: r.title, status: r.status, customerName: r.display_name });
      byTheme.set(r.theme, entry);
    }
    const themes = [...byTheme.entries()]
      .map(([theme, e]) => ({ theme, customers: e.customers.size, cases: e.cases }))
      .sort((a, b) => b.customers - a.customers || a.theme.localeCompare(b.theme, 'zh-CN'));
    return { month, themes, unthemed };
  }

  /** Cards for resolved cases, in the order of `ids`. */
  private async cards(ids: string[], reader: Staff): Promise<StoryCard[]> {
    if (!ids.length) return [];
    const m = this.m;
    const cases = await m.find(CaseEntity, { where: { id: In(ids), status: 'resolved' } });
    if (!cases.length) return [];
    const caseIds = cases.map((c) => c.id);
    const customers = await m.find(Customer, { select: { id: true, displayName: true }, where: { id: In([...new Set(cases.map((c) => c.customerId))]) } });
    const resolutions = await m.find(CaseResolutionEntity, { where: { caseId: In(caseIds) } });
    const themes = await m.find(CaseThemeEntity, { where: { caseId: In(caseIds) } });
    const deskOnly = seesDeskOnly(reader) ? '' : ' AND e.desk_only = false';
    const channels = await rawSql<{ case_id: string; channel: string }[]>(
      m,
      `SELECT DISTINCT e.case_id, e.channel FROM events e WHERE e.case_id IN (${placeholders(caseIds)})${deskOnly}`,
      caseIds,
    );
    const stores = await rawSql<{ case_id: string; id: string; name: string }[]>(
      m,
      `SELECT DISTINCT e.case_id, s.id, s.name FROM events e JOIN store_visits sv ON sv.event_id = e.id JOIN stores s ON s.id = sv.store_id
       WHERE e.case_id IN (${placeholders(caseIds)})`,
      caseIds,
    );
    const gestures = await m.find(GestureEntity, { select: { caseId: true, kind: true }, where: { caseId: In(caseIds) } });
    const helpers = await this.helpers(caseIds, reader);
    const order = new Map(ids.map((id, i) => [id, i]));
    return cases
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      .map((c) => {
        const resolution = resolutions.find((r) => r.caseId === c.id && r.version === c.resolutionVersion);
        return {
          caseId: c.id,
          title: c.title,
          customer: { id: c.customerId, displayName: customers.find((x) => x.id === c.customerId)?.displayName ?? '' },
          openedAt: c.openedAt.toISOString(),
          resolvedAt: (c.resolvedAt ?? c.updatedAt).toISOString(),
          needed: resolution?.needed ?? '',
          customerWords: resolution?.customerWords ?? null,
          themes: themes.filter((t) => t.caseId === c.id).map((t) => t.theme).sort(),
          channels: [...new Set(channels.filter((x) => x.case_id === c.id).map((x) => x.channel))].sort(),
          stores: stores.filter((s) => s.case_id === c.id).map((s) => ({ id: s.id, name: s.name })),
          gestureKinds: [...new Set(gestures.filter((g) => g.caseId === c.id).map((g) => g.kind))] as GestureKind[],
          helpers: helpers.get(c.id) ?? [],
          highlight: c.highlightedAt
            ? { by: { id: c.highlightedById ?? '', name: c.highlightedByName ?? '' }, at: c.highlightedAt.toISOString(), note: c.highlightNote }
            : null,
        };
      });
  }

  /**
   * Everyone who helped, in the order they joined in: opened, took part (attached events, gestures
   * included), said they were on it, wrote the story. Names only.
   */
  private async helpers(caseIds: string[], reader: Staff): Promise<Map<string, StaffRef[]>> {
    const list = placeholders(caseIds);
    // Store staff are not told who wrote a desk-only note (nor that one exists).
    const visible = seesDeskOnly(reader) ? '' : ' AND desk_only = false';
    const rows = await rawSql<{ case_id: string; id: string | null; name: string | null; at: string | Date }[]>(
      this.m,
      `SELECT case_id, id, name, at FROM (
         SELECT id AS case_id, CAST(opened_by_id AS TEXT) AS id, opened_by_name AS name, opened_at AS at FROM cases WHERE id IN (${list})
         UNION ALL SELECT case_id, CAST(author_id AS TEXT), author_name, occurred_at FROM events WHERE case_id IN (${list}) AND author_type = 'staff'${visible}
         UNION ALL SELECT case_id, CAST(staff_id AS TEXT), staff_name, since FROM case_on_it WHERE case_id IN (${list})
         UNION ALL SELECT case_id, CAST(written_by_id AS TEXT), written_by_name, written_at FROM case_resolutions WHERE case_id IN (${list})
       ) h ORDER BY at`,
      caseIds,
    );
    const byCase = new Map<string, StaffRef[]>();
    for (const r of rows) {
      if (!r.id || !r.name) continue;
      const helpers = byCase.get(r.case_id) ?? [];
      if (!helpers.some((h) => h.id === r.id)) helpers.push({ id: r.id, name: r.name });
      byCase.set(r.case_id, helpers);
    }
    return byCase;
  }

  private async titles(caseIds: string[]): Promise<Map<string, string>> {
    if (!caseIds.length) return new Map();
    const cases = await this.m.find(CaseEntity, { select: { id: true, title: true }, where: { id: In([...new Set(caseIds)]) } });
    return new Map(cases.map((c) => [c.id, c.title]));
  }

  /** Local midnight of a YYYY-MM-DD date, plus `days`. */
  private localDate(date: string, days: number): Date {
    const [y, mo, d] = date.split('-').map(Number);
    return startOfLocalDate(y, mo, d + days, this.config.storeTimeZone);
  }
}


export function toThanks(t: StoryThanksEntity, storyTitle: string): ThanksNote {
  return {
    id: t.id,
    caseId: t.caseId,
    storyTitle,
    to: { id: t.toStaffId, name: t.toName },
    from: { id: t.fromStaffId, name: t.fromName },
    body: t.body,
    at: t.createdAt.toISOString(),
    seenAt: t.seenAt?.toISOString() ?? null,
  };
}

function decodeStoryCursor(value: string): { resolvedAt: Date; id: string } {
  const c = decodeKeyset(value, (id) => UUID_PATTERN.test(id));
  if (!c) throw StoryErrors.badCursor();
  return { resolvedAt: c.at, id: c.id };
}
