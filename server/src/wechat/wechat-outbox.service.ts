import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { InboxService } from '../chat/inbox.service';
import { safeError } from '../common/safe-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { parseDbDate } from '../database/dates';
import { rawSql } from '../database/raw-sql';
import { Transactor } from '../database/transactor';
import type { WeChatDelivery } from '../realtime/contract';
import { RealtimeService } from '../realtime/realtime.service';
import { TimelineService } from '../timeline/timeline.service';
import { TOKEN_ERRORS, WeChatApi, WeChatNoAnswer, WeChatResult, WeChatUnreachable } from './wechat-api';
import { WeChatChannelEntity } from './wechat-channel.entity';
import { WeChatOutboxEntity } from './wechat-outbox.entity';
import { WeChatTokenRefused, WeChatTokens } from './wechat-tokens';

/** Then the reply is given up as not delivered (about an hour of retries at the default base). */
export const MAX_ATTEMPTS = 12;
const MAX_BACKOFF_MS = 10 * 60_000;
/** Even with nothing due, look again this often (another instance may have queued a reply). */
const IDLE_POLL_MS = 5_000;
/** A row still 'sending' this long after it was taken was being sent when a server stopped. */
const STALE_SENDING_MS = 2 * 60_000;
const BATCH = 20;

type Outcome = { delivery: WeChatDelivery } | { retry: string; errcode?: number };

/**
 * The durable outbox of replies to WeChat. A reply's row is written with its timeline event;
 * this worker sends due rows through the Customer Service Message API, retries with exponential
 * backoff (the schedule is in the table, so it survives restarts), and records the outcome on the
 * event for the agent.
 *
 * Never sent twice: a row is claimed ('pending' → 'sending') by one atomic update before it is
 * sent, so two workers (or instances) cannot both send it. Only a request that certainly never
 * reached WeChat (no connection) is retried. When it may have reached WeChat without an answer
 * (a timeout, a dropped connection), or a server stopped between WeChat's answer and marking the
 * row (left 'sending'), it is NOT sent again but marked failed 'uncertain', so the agent sees it
 * may not have arrived and can decide to send it again. At-most-once, with the doubt shown.
 */
@Injectable()
export class WeChatOutbox implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WeChatOutbox.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly tx: Transactor,
    private readonly timeline: TimelineService,
    private readonly realtime: RealtimeService,
    private readonly api: WeChatApi,
    private readonly tokens: WeChatTokens,
    private readonly inbox: InboxService,
  ) {}

  onApplicationBootstrap() {
    // Rows left from before a restart are picked up by the first run.
    this.kick();
  }

  async onModuleDestroy() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Queues a text reply inside the transaction that appends its event. Call kick() after commit. */
  async enqueue(m: EntityManager, row: { eventId: number; channelId: string; openId: string; text: string }): Promise<void> {
    await m.insert(WeChatOutboxEntity, {
      eventId: row.eventId,
      channelId: row.channelId,
      openId: row.openId,
      payload: { msgtype: 'text', text: { content: row.text } },
      status: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(),
    });
  }

  /** Runs the worker now (after a reply was queued), or again right after the current run. */
  kick() {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drain()
      .catch((err) => this.logger.error({ msg: 'WeChat outbox run failed', err: safeError(err) }))
      .then(() => this.scheduleNext())
      .finally(() => (this.running = undefined));
  }

  /** Arms the next run. Never rejects, and always leaves a timer set (unless stopping): the outbox must not stall. */
  private async scheduleNext(): Promise<void> {
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      setImmediate(() => this.kick());
      return;
    }
    let wait = IDLE_POLL_MS;
    try {
      const [next] = await rawSql<{ at: string | Date | null }[]>(this.dataSource, `SELECT MIN(next_attempt_at) AS at FROM wechat_outbox WHERE status = 'pending'`, []);
      if (next?.at) wait = parseDbDate(next.at).getTime() - Date.now();
    } catch (err) {
      this.logger.error({ msg: 'WeChat outbox could not read its schedule; looking again soon', err: safeError(err) });
    } finally {
      if (!this.stopped) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.kick(), Math.min(Math.max(wait, 0), IDLE_POLL_MS));
      }
    }
  }

  private async drain() {
    await this.giveUpStale();
    for (;;) {
      const due = await rawSql<{ event_id: number }[]>(
        this.dataSource,
        `SELECT event_id FROM wechat_outbox WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, event_id LIMIT ${BATCH}`,
        [new Date()],
      );
      if (!due.length || this.stopped) return;
      let broken = false;
      for (const { event_id } of due) {
        if (this.stopped) return;
        try {
          await this.deliver(Number(event_id));
        } catch (err) {
          // The database failed around this row: the rest of the batch still goes; the timer tries again.
          broken = true;
          this.logger.error({ msg: 'WeChat outbox could not handle a reply', eventId: Number(event_id), err: safeError(err) });
        }
      }
      // Don't spin on rows the database keeps refusing: the next run (within seconds) takes them.
      if (broken) return;
    }
  }

  private async deliver(eventId: number) {
    // Claim: only the worker whose update changed the row sends it. The claim's number (attempts
    // after it) is its token: the retry and the final update must find the row still 'sending'
    // under this same claim, so a holder that was slow can never revive a row that another
    // worker meanwhile gave up as uncertain (and the agent was told to decide about).
    const claimed = await this.tx.run((m) =>
      rawSql<{ attempts: number }[]>(
        m,
        `UPDATE wechat_outbox SET status = 'sending', claimed_at = $2, attempts = attempts + 1 WHERE event_id = $1 AND status = 'pending' RETURNING attempts`,
        [eventId, new Date()],
      ),
    );
    if (!claimed.length) return;
    const claim = Number(claimed[0].attempts);
    let outcome: Outcome;
    try {
      const row = await this.dataSource.getRepository(WeChatOutboxEntity).findOneByOrFail({ eventId });
      outcome = await this.attempt(row);
    } catch (err) {
      // Not an answer from WeChat (the database, a bug): nothing was sent, so it is simply tried again.
      this.logger.error({ msg: 'WeChat reply attempt failed inside Hearth; will retry', eventId, err: safeError(err) });
      outcome = { retry: `internal error: ${safeError(err).message}` };
    }
    if ('delivery' in outcome) return this.finish(eventId, claim, outcome.delivery);
    if (claim >= MAX_ATTEMPTS) {
      return this.finish(eventId, claim, { status: 'failed', reason: outcome.errcode ? 'rejected' : 'unreachable', ...(outcome.errcode ? { errcode: outcome.errcode } : {}) });
    }
    const wait = Math.min(this.config.wechat.retryBaseMs * 2 ** (claim - 1), MAX_BACKOFF_MS);
    const moved = await this.tx.run((m) =>
      rawSql<{ event_id: number }[]>(
        m,
        `UPDATE wechat_outbox SET status = 'pending', claimed_at = NULL, next_attempt_at = $2, last_error = $3
         WHERE event_id = $1 AND status = 'sending' AND attempts = $4 RETURNING event_id`,
        [eventId, new Date(Date.now() + wait), outcome.retry.slice(0, 200), claim],
      ),
    );
    if (!moved.length) {
      this.logger.warn({ msg: 'WeChat reply was settled elsewhere while this worker held it; leaving it', eventId });
      return;
    }
    this.logger.warn({ msg: 'WeChat reply not delivered yet; will retry', eventId, attempt: claim, waitMs: wait, why: outcome.retry });
  }

  /** One send, with one token refresh and retry if WeChat says the token is no good. */
  private async attempt(row: WeChatOutboxEntity): Promise<Outcome> {
    const channel = await this.dataSource.getRepository(WeChatChannelEntity).findOneBy({ id: row.channelId });
    if (!channel?.active) return { delivery: { status: 'failed', reason: 'channel_disabled' } };
    const message = { touser: row.openId, ...row.payload };
    try {
      let token = await this.tokens.get(channel.id);
      let result = await this.api.send(token, message);
      if (TOKEN_ERRORS.has(result.errcode)) {
        await this.tokens.invalidate(channel.id, token);
        token = await this.tokens.get(channel.id);
        result = await this.api.send(token, message);
      }
      return classify(result);
    } catch (err) {
      if (err instanceof WeChatTokenRefused) return { retry: `token refused (errcode ${err.result.errcode})`, errcode: err.result.errcode };
      if (err instanceof WeChatUnreachable) return { retry: err.message };
      // The request went out but no answer came: WeChat may have shown it. Never sent twice; the agent decides.
      if (err instanceof WeChatNoAnswer) {
        this.logger.warn({ msg: 'WeChat did not answer a reply it may have received; not resending', eventId: row.eventId, why: err.message });
        return { delivery: { status: 'failed', reason: 'uncertain' } };
      }
      throw err;
    }
  }

  /**
   * The final outcome of a row being sent, on the row and on its event, only under the claim that
   * holds it. A reply that did not get through puts the person back among those waiting in the
   * inbox (the reply had ended their wait) and tells its author wherever they are in the desk.
   */
  private async finish(eventId: number, claim: number, delivery: WeChatDelivery) {
    const done = await this.tx.run(async (m) => {
      const moved = await rawSql<{ event_id: number }[]>(
        m,
        `UPDATE wechat_outbox SET status = $2, claimed_at = NULL, last_error = $3 WHERE event_id = $1 AND status = 'sending' AND attempts = $4 RETURNING event_id`,
        [eventId, delivery.status, delivery.reason ?? null, claim],
      );
      if (!moved.length) return null;
      const event = await this.timeline.recordDelivery(m, eventId, delivery);
      if (!event) return null;
      let customerName: string | undefined;
      if (delivery.status === 'failed') {
        await this.inbox.replyUndelivered(m, event.customerId);
        const [customer] = await rawSql<{ display_name: string }[]>(m, 'SELECT display_name FROM customers WHERE id = $1', [event.customerId]);
        customerName = customer?.display_name;
      }
      return { event, customerName };
    });
    if (!done) return;
    const { event, customerName } = done;
    // The updated event replaces the shown one by id (also what a reconnecting desk reads again).
    this.timeline.publish(event);
    const failed = delivery.status === 'failed';
    const author = failed && event.author.type === 'staff' ? event.author.id : null;
    this.realtime.publishWeChatDelivery(
      { customerId: event.customerId, eventId: event.id, delivery, ...(failed ? { customerName, body: event.body.slice(0, 80) } : {}) },
      author,
    );
    if (failed) {
      this.inbox.announce(event.customerId);
      this.logger.warn({ msg: 'WeChat reply not delivered', eventId, reason: delivery.reason, errcode: delivery.errcode });
    }
  }

  /** Rows a stopped server was sending: maybe delivered, maybe not. Shown as such, never resent. */
  private async giveUpStale() {
    const stale = await rawSql<{ event_id: number; attempts: number }[]>(
      this.dataSource,
      `SELECT event_id, attempts FROM wechat_outbox WHERE status = 'sending' AND claimed_at < $1`,
      [new Date(Date.now() - STALE_SENDING_MS)],
    );
    for (const { event_id, attempts } of stale) await this.finish(Number(event_id), Number(attempts), { status: 'failed', reason: 'uncertain' });
  }
}

function classify(result: WeChatResult): Outcome {
  switch (result.errcode) {
    case 0:
      return { delivery: { status: 'sent' } };
    case 45015:
      return { delivery: { status: 'failed', reason: 'window_closed', errcode: 45015 } };
    case 45047:
      return { delivery: { status: 'failed', reason: 'quota', errcode: 45047 } };
    case -1:
      // "System busy": try again later.
      return { retry: 'WeChat was busy (errcode -1)' };
    default:
      // Still a token error after one refresh: retried later with a fresh token.
      if (TOKEN_ERRORS.has(result.errcode)) return { retry: `token refused twice (errcode ${result.errcode})`, errcode: result.errcode };
      return { delivery: { status: 'failed', reason: 'rejected', errcode: result.errcode } };
  }
}
