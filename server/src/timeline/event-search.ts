import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseDbDate } from '../database/dates';
import { ftsMatch, indexText, QueryTerm, queryTerms, tsQuery } from './search-text';

export type EventHit = { eventId: number; customerId: string; body: string; occurredAt: Date };

/**
 * The full-text index over event bodies: an FTS5 table on SQLite, a tsvector with a GIN index on
 * PostgreSQL, both fed the same bigram text. Written in the same transaction as the event.
 */
@Injectable()
export class EventSearch {
  constructor(private readonly dataSource: DataSource) {}

  private get pg() {
    return this.dataSource.options.type === 'postgres';
  }

  async index(m: EntityManager, eventId: number, body: string): Promise<void> {
    const text = indexText(body);
    if (!text) return;
    if (this.pg) await m.query(`INSERT INTO event_search (event_id, tsv) VALUES ($1, to_tsvector('simple', $2))`, [eventId, text]);
    else await m.query(`INSERT INTO event_search (rowid, text) VALUES (?, ?)`, [eventId, text]);
  }

  /** Newest matching events first, staff-visible events of live customers only. */
  async find(terms: QueryTerm[], limit: number): Promise<EventHit[]> {
    if (terms.length === 0) return [];
    const rows: { id: number; customer_id: string; body: string; occurred_at: string | Date }[] = this.pg
      ? await this.dataSource.query(
          `SELECT e.id, e.customer_id, e.body, e.occurred_at FROM event_search s JOIN events e ON e.id = s.event_id
           WHERE s.tsv @@ to_tsquery('simple', $1) ORDER BY e.id DESC LIMIT $2`,
          [tsQuery(terms), limit],
        )
      : await this.dataSource.query(
          `SELECT e.id, e.customer_id, e.body, e.occurred_at FROM event_search s JOIN events e ON e.id = s.rowid
           WHERE event_search MATCH ? ORDER BY s.rowid DESC LIMIT ?`,
          [ftsMatch(terms), limit],
        );
    return rows.map((r) => ({ eventId: Number(r.id), customerId: r.customer_id, body: r.body, occurredAt: parseDbDate(r.occurred_at) }));
  }
}

export { queryTerms };
