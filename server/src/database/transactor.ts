import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one way to write. On PostgreSQL each call is a plain transaction. SQLite has a single
 * connection in TypeORM, so two transactions started at once would interleave their statements
 * on it; here they queue and run one after another (SQLite allows one writer anyway).
 */
@Injectable()
export class Transactor {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'better-sqlite3') return this.dataSource.transaction(work);
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
  }
}
