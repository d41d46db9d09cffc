import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

type Work<T> = (manager: EntityManager) => Promise<T>;
type Pending = { work: Work<unknown>; resolve: (value: unknown) => void; reject: (err: unknown) => void };

/**
 * The one way to write. On PostgreSQL each call is a plain transaction. SQLite has a single
 * connection in TypeORM, so two transactions started at once would interleave their statements
 * on it; here they queue and run one after another (SQLite allows one writer anyway).
 */
@Injectable()
export class Transactor {
  private tail: Promise<unknown> = Promise.resolve();
  private group: Pending[] = [];

  constructor(private readonly dataSource: DataSource) {}

  private get sqlite() {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: Work<T>): Promise<T> {
    if (!this.sqlite) return this.dataSource.transaction(work);
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Group commit, for small writes that arrive in bursts (chat messages, receipts). Every call made
   * while the I/O phase is being read joins one transaction, each in its own savepoint, so one
   * failing piece of work rolls back alone; each promise settles only after the shared commit
   * (durable with synchronous=FULL). One fsync then serves many messages.
   */
  runGrouped<T>(work: Work<T>): Promise<T> {
    if (!this.sqlite) return this.dataSource.transaction(work);
    return new Promise<T>((resolve, reject) => {
      this.group.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // setImmediate runs after the poll phase: everything read from sockets this turn is in the group.
      if (this.group.length === 1) setImmediate(() => this.scheduleGroup());
    });
  }

  private scheduleGroup() {
    const group = this.group;
    this.group = [];
    const done = this.tail.then(() => this.commitGroup(group));
    this.tail = done.catch(() => undefined);
  }

  private async commitGroup(group: Pending[]) {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; err: unknown })[] = [];
    try {
      await this.dataSource.transaction(async (m) => {
        for (const item of group) {
          await m.query('SAVEPOINT grouped_work');
          try {
            const value = await item.work(m);
            await m.query('RELEASE grouped_work');
            outcomes.push({ ok: true, value });
          } catch (err) {
            await m.query('ROLLBACK TO grouped_work');
            await m.query('RELEASE grouped_work');
            outcomes.push({ ok: false, err });
          }
        }
      });
    } catch (err) {
      for (const item of group) item.reject(err);
      return;
    }
    group.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.err);
    });
  }
}
