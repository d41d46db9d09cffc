import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { safeError } from '../common/safe-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import { parseDbDate } from '../database/dates';
import { rawSql } from '../database/raw-sql';
import { Transactor } from '../database/transactor';
import type { WeChatDelivery } from '../realtime/contract';
import { RealtimeService } from '../realtime/realtime.service';
import { TimelineService } from '../timeline/timeline.service';
import { TOKEN_ERRORS, WeChatApi, WeChatResult, WeChatUnreachable } from './wechat-api';
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
 * sent, so two workers (or instances) cannot both send it. If a server stops between WeChat's
 * answer and marking the row, the row stays 'sending'; it is then NOT sent again (WeChat may
 * already have shown it) but marked failed 'uncertain', so the agent sees it may not have arrived
 * and can decide to send it again. At-most-once, with the doubt shown, rather than a duplicate.
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

  private async scheduleNext() {
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      setImmediate(() => this.kick());
      return;
    }
    const [next] = await rawSql<{ at: string | Date | null }[]>(this.dataSource, `SELECT MIN(next_attempt_at) AS at FROM wechat_outbox WHERE status = 'pending'`, []);
    const due = next?.at ? parseDbDate(next.at).getTime() - Date.now() : IDLE_POLL_MS;
    this.timer = setTimeout(() => this.kick(), Math.min(Math.max(due, 0), IDLE_POLL_MS));
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
      for (const { event_id } of due) {
        if (this.stopped) return;
        await this.deliver(Number(event_id));
      }
    }
  }

  private async deliver(eventId: number) {
    // Claim: only the worker whose update changed the row sends it.
    const claimed = await this.tx.run((m) =>
      rawSql<{ event_id: number }[]>(
        m,
        `UPDATE wechat_outbox SET status = 'sending', claimed_at = $2, attempts = attempts + 1 WHERE event_id = $1 AND status = 'pending' RETURNING event_id`,
        [eventId, new Date()],
      ),
    );
    if (!claimed.length) return;
    const row = await this.dataSource.getRepository(WeChatOutboxEntity).findOneByOrFail({ eventId });
    const outcome = await this.attempt(row);
    if ('delivery' in outcome) return this.finish(eventId, outcome.delivery);
    if (row.attempts >= MAX_ATTEMPTS) {
      return this.finish(eventId, { status: 'failed', reason: outcome.errcode ? 'rejected' : 'unreachable', ...(outcome.errcode ? { errcode: outcome.errcode } : {}) });
    }
    const wait = Math.min(this.config.wechat.retryBaseMs * 2 ** (row.attempts - 1), MAX_BACKOFF_MS);
    await this.tx.run((m) =>
      rawSql(m, `UPDATE wechat_outbox SET status = 'pending', claimed_at = NULL, next_attempt_at = $2, last_error = $3 WHERE event_id = $1`, [
        eventId,
        new Date(Date.now() + wait),
        outcome.retry.slice(0, 200),
      ]),
    );
    this.logger.warn({ msg: 'WeChat reply not delivered yet; will retry', eventId, attempt: row.attempts, waitMs: wait, why: outcome.retry });
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
      throw err;
    }
  }

  /** The final outcome of a row being sent, on the row and on its event (only the worker that holds it gets here first). */
  private async finish(eventId: number, delivery: WeChatDelivery) {
    const event = await this.tx.run(async (m) => {
      const moved = await rawSql<{ event_id: number }[]>(
        m,
        `UPDATE wechat_outbox SET status = $2, claimed_at = NULL, last_error = $3 WHERE event_id = $1 AND status = 'sending' RETURNING event_id`,
        [eventId, delivery.status, delivery.reason ?? null],
      );
      return moved.length ? this.timeline.updateDetails(m, eventId, { delivery }) : null;
    });
    if (event) this.realtime.publishWeChatDelivery({ customerId: event.customerId, eventId: event.id, delivery });
    if (delivery.status === 'failed') this.logger.warn({ msg: 'WeChat reply not delivered', eventId, reason: delivery.reason, errcode: delivery.errcode });
  }

  /** Rows a stopped server was sending: maybe delivered, maybe not. Shown as such, never resent. */
  private async giveUpStale() {
    const stale = await rawSql<{ event_id: number }[]>(this.dataSource, `SELECT event_id FROM wechat_outbox WHERE status = 'sending' AND claimed_at < $1`, [
      new Date(Date.now() - STALE_SENDING_MS),
    ]);
    for (const { event_id } of stale) await this.finish(Number(event_id), { status: 'failed', reason: 'uncertain' });
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
