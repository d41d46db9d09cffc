import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { localMonth } from '../common/local-time';
import { APP_CONFIG, AppConfig } from '../config/config';
import { CustomersService } from '../customers/customers.service';
import { createOnce } from '../database/create-once';
import { rawSql } from '../database/raw-sql';
import { Transactor } from '../database/transactor';
import type { Gesture, GestureAllowance, TimelineEvent } from '../realtime/contract';
import { RealtimeService } from '../realtime/realtime.service';
import type { Staff } from '../staff/staff.entity';
import { AppendInput, TimelineService } from '../timeline/timeline.service';
import { CasesService } from './cases.service';
import { GestureErrors } from './cases.errors';
import { staffChannel, toGesture } from './cases.mapper';
import { GestureUpdateDto, NewGestureDto } from './dto/cases.dto';
import { GestureEntity } from './gesture.entity';
import { StoryIndex } from './story-index';

type Step = 'recorded' | 'given' | 'reaction';

/**
 * Surprise gestures. Anyone serving a customer may give one within their own monthly allowance,
 * without approval; the check and the write share one transaction (the giver's staff row is locked
 * on PostgreSQL; SQLite runs write transactions one at a time), so concurrent gestures never go over.
 */
@Injectable()
export class GesturesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly tx: Transactor,
    private readonly timeline: TimelineService,
    private readonly customers: CustomersService,
    private readonly cases: CasesService,
    private readonly realtime: RealtimeService,
    private readonly stories: StoryIndex,
  ) {}

  /** The caller's own allowance this month. Nobody else's: this is not a spending report. */
  async allowance(staff: Staff): Promise<GestureAllowance> {
    return this.allowanceWithin(this.dataSource.manager, staff.id, this.month());
  }

  async listForCustomer(customerId: string): Promise<Gesture[]> {
    await this.customers.get(customerId);
    const rows = await this.dataSource.manager.find(GestureEntity, { where: { customerId }, order: { createdAt: 'DESC' } });
    return rows.map(toGesture);
  }

  async record(staff: Staff, input: NewGestureDto): Promise<{ gesture: Gesture; created: boolean }> {
    const clientKey = `${staff.id}:${input.clientId}`;
    const outcome = await createOnce(
      () => this.dataSource.manager.findOneBy(GestureEntity, { clientKey }),
      async () => {
        await this.customers.get(input.customerId);
        const month = this.month();
        return this.tx.run(async (m) => {
          if (input.caseId) await this.cases.requireForCustomer(m, input.caseId, input.customerId);
          const costCents = input.costCents ?? null;
          await this.checkAllowance(m, staff.id, month, costCents ?? 0);
          const now = new Date();
          const gesture = await m.save(
            m.create(GestureEntity, {
              customerId: input.customerId,
              caseId: input.caseId ?? null,
              kind: input.kind,
              note: input.note,
              costCents,
              status: input.status,
              reaction: null,
              givenById: staff.id,
              givenByName: staff.displayName,
              month,
              clientKey,
              givenAt: input.status === 'given' ? now : null,
              reactionAt: null,
            }),
          );
          const event = await this.append(m, gesture, staff, 'recorded');
          if (gesture.caseId) await this.stories.refresh(m, gesture.caseId);
          return { gesture, events: [event] };
        });
      },
    );
    if ('stored' in outcome) return { gesture: toGesture(outcome.stored), created: false };
    await this.announce(outcome.created.gesture, outcome.created.events, staff);
    return { gesture: toGesture(outcome.created.gesture), created: true };
  }

  async update(staff: Staff, id: string, input: GestureUpdateDto): Promise<Gesture> {
    const result = await this.tx.run(async (m) => {
      if (m.connection.options.type === 'postgres') await m.query('SELECT id FROM gestures WHERE id = $1 FOR UPDATE', [id]);
      const gesture = await m.findOneBy(GestureEntity, { id });
      if (!gesture) throw GestureErrors.notFound();
      // Its case's story (and search row) may change with it: one writer at a time per case.
      if (gesture.caseId) await this.cases.lockCase(m, gesture.caseId);
      const mine = gesture.givenById === staff.id;
      if ((input.note !== undefined || input.costCents !== undefined) && !mine) throw GestureErrors.notGiver();
      if (input.costCents !== undefined && (input.costCents ?? 0) > (gesture.costCents ?? 0)) {
        // Only the increase needs room: the old cost is already counted in this month's spending.
        await this.checkAllowance(m, gesture.givenById, gesture.month, (input.costCents ?? 0) - (gesture.costCents ?? 0));
      }
      const now = new Date();
      const steps: Step[] = [];
      if (input.note !== undefined) gesture.note = input.note;
      if (input.costCents !== undefined) gesture.costCents = input.costCents;
      if (input.status === 'given' && gesture.status !== 'given') {
        gesture.status = 'given';
        gesture.givenAt = now;
        steps.push('given');
      }
      if (input.reaction !== undefined && input.reaction !== gesture.reaction) {
        if (!gesture.reaction) steps.push('reaction');
        gesture.reaction = input.reaction;
        gesture.reactionAt = now;
      }
      await m.save(gesture);
      const events: TimelineEvent[] = [];
      for (const step of steps) events.push(await this.append(m, gesture, staff, step));
      if (gesture.caseId) await this.stories.refresh(m, gesture.caseId);
      return { gesture, events };
    });
    await this.announce(result.gesture, result.events, staff);
    return toGesture(result.gesture);
  }

  private month(): string {
    return localMonth(new Date(), this.config.storeTimeZone);
  }

  private async allowanceWithin(m: EntityManager, staffId: string, month: string): Promise<GestureAllowance> {
    const [row] = await rawSql<{ allowance: number | string; spent: number | string | null }[]>(
      m,
      `SELECT s.monthly_gesture_allowance_cents AS allowance,
              (SELECT SUM(g.cost_cents) FROM gestures g WHERE g.given_by_id = s.id AND g.month = $2) AS spent
       FROM staff s WHERE s.id = $1`,
      [staffId, month],
    );
    const allowanceCents = Number(row?.allowance ?? 0);
    const spentCents = Number(row?.spent ?? 0);
    return { month, allowanceCents, spentCents, leftCents: Math.max(0, allowanceCents - spentCents) };
  }

  private async checkAllowance(m: EntityManager, staffId: string, month: string, extraCents: number): Promise<void> {
    // The giver's row is the lock that orders concurrent gestures on PostgreSQL.
    if (m.connection.options.type === 'postgres') await m.query('SELECT id FROM staff WHERE id = $1 FOR UPDATE', [staffId]);
    const { leftCents } = await this.allowanceWithin(m, staffId, month);
    if (extraCents > leftCents) throw GestureErrors.overAllowance(leftCents);
  }

  private async append(m: EntityManager, g: GestureEntity, by: Staff, step: Step): Promise<TimelineEvent> {
    const input: AppendInput = {
      customerId: g.customerId,
      kind: 'gesture',
      channel: staffChannel(by.role),
      author: { type: 'staff', id: by.id, name: by.displayName },
      body: step === 'reaction' ? (g.reaction ?? '') : g.note,
      details: { gestureId: g.id, gestureKind: g.kind, status: g.status, costCents: g.costCents, caseId: g.caseId, step, reaction: g.reaction },
      source: 'gesture',
      sourceId: `${g.id}:${step}`,
      caseId: g.caseId,
    };
    return (await this.timeline.appendWithin(m, input)).event;
  }

  private async announce(gesture: GestureEntity, events: TimelineEvent[], reader: Staff) {
    this.realtime.publishGesture(toGesture(gesture));
    if (gesture.caseId && events.length) await this.cases.announce(gesture.caseId, events, reader);
    else for (const event of events) this.timeline.publish(event);
  }
}
