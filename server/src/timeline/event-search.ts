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

  /** Takes these events out of the index (their text is being erased). */
  async remove(m: EntityManager, eventIds: number[]): Promise<void> {
    if (!eventIds.length) return;
    const list = eventIds.map(Number).join(', ');
    if (this.pg) await m.query(`DELETE FROM event_search WHERE event_id IN (${list})`);
    else await m.query(`DELETE FROM event_search WHERE rowid IN (${list})`);
  }

  /** Newest matching events first (below `beforeId` when given). */
  async find(terms: QueryTerm[], limit: number, beforeId?: number, includeDeskOnly = true): Promise<EventHit[]> {
    if (terms.length === 0) return [];
    const before = beforeId ?? 2_147_483_647; // the largest event id (a 32-bit integer column)
    // Store staff: desk-only notes neither match nor show in snippets.
    const deskOnly = includeDeskOnly ? '' : ' AND e.desk_only = false';
    const rows: { id: number; customer_id: string; body: string; occurred_at: string | Date }[] = this.pg
      ? await this.dataSource.query(
          `SELECT e.id, e.customer_id, e.body, e.occurred_at FROM event_search s JOIN events e ON e.id = s.event_id
           WHERE s.tsv @@ to_tsquery('simple', $1) AND s.event_id < $2${deskOnly} ORDER BY s.event_id DESC LIMIT $3`,
          [tsQuery(terms), before, limit],
        )
      : await this.dataSource.query(
          `SELECT e.id, e.customer_id, e.body, e.occurred_at FROM event_search s JOIN events e ON e.id = s.rowid
           WHERE event_search MATCH ? AND s.rowid < ?${deskOnly} ORDER BY s.rowid DESC LIMIT ?`,
          [ftsMatch(terms), before, limit],
        );
    return rows.map((r) => ({ eventId: Number(r.id), customerId: r.customer_id, body: r.body, occurredAt: parseDbDate(r.occurred_at) }));
  }

  /**
   * The newest matching event of up to `customers` different customers. Reads hits in batches so
   * one talkative customer cannot hide everyone else, and stops after `maxScanned` hits.
   */
  async findPerCustomer(terms: QueryTerm[], customers: number, skip: Set<string>, includeDeskOnly = true, maxScanned = 2000): Promise<EventHit[]> {
    const found = new Map<string, EventHit>();
    let before: number | undefined;
    for (let scanned = 0; found.size < customers && scanned < maxScanned; ) {
      const batch = await this.find(terms, 200, before, includeDeskOnly);
      for (const hit of batch) if (!skip.has(hit.customerId) && !found.has(hit.customerId)) found.set(hit.customerId, hit);
      if (batch.length < 200) break;
      scanned += batch.length;
      before = batch[batch.length - 1].eventId;
    }
    return [...found.values()].slice(0, customers);
  }
}

export { queryTerms };
