import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { decodeKeyset, encodeKeyset } from '../common/keyset-cursor';
import { Transactor } from '../database/transactor';
import type { AuditEntry, AuditPage } from '../realtime/contract';
import type { Staff } from '../staff/staff.entity';
import { AuditLogEntity } from './audit-log.entity';
import { AuditErrors } from './audit.errors';

export type AuditRecord = {
  staff: Pick<Staff, 'id' | 'displayName' | 'role'>;
  action: string;
  target?: { type: string; id: string | null } | null;
  details?: Record<string, unknown> | null;
  clientAddress?: string | null;
};

export type AuditQuery = { before?: string; limit: number; staffId?: string; targetId?: string; action?: string };

const isEntryId = (id: string) => /^\d{1,10}$/.test(id);

/**
 * The audit log: who among the staff saw or changed what. Only `record` writes, and only inserts;
 * there is no update or delete here, and the database refuses them too.
 *
 * Deliberately a plain chronological list: no counts per person, no charts, no rankings. It answers
 * "who looked at this customer, and when", never "how much did this person do".
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditLogEntity) private readonly entries: Repository<AuditLogEntity>,
    private readonly tx: Transactor,
  ) {}

  async record(r: AuditRecord): Promise<void> {
    await this.tx.run((m) => this.recordWithin(m, r));
  }

  /** Inside the caller's transaction: the action and its entry commit together or not at all. */
  async recordWithin(m: EntityManager, r: AuditRecord): Promise<void> {
    const entry: QueryDeepPartialEntity<AuditLogEntity> = {
      staffId: r.staff.id,
      staffName: r.staff.displayName,
      staffRole: r.staff.role,
      action: r.action,
      targetType: r.target?.type ?? null,
      targetId: r.target?.id ?? null,
      // TypeORM's insert type cannot see into a JSON column; the value is plain JSON.
      details: (r.details ?? null) as QueryDeepPartialEntity<AuditLogEntity>['details'],
      clientAddress: r.clientAddress?.slice(0, 64) ?? null,
    };
    // Insert only: nothing here (or anywhere) updates or deletes an entry.
    await m.insert(AuditLogEntity, entry);
  }

  /**
   * Newest first, keyset-paged. Ids grow with every insert, so the id alone orders the log (and the
   * indexes (staff_id, id), (target_id, id), (action, id) serve every filter); the cursor carries the
   * time too, as every keyset cursor here does.
   */
  async page(q: AuditQuery): Promise<AuditPage> {
    const qb = this.entries.createQueryBuilder('a');
    if (q.staffId) qb.andWhere('a.staff_id = :staffId', { staffId: q.staffId });
    if (q.targetId) qb.andWhere('a.target_id = :targetId', { targetId: q.targetId });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.before) {
      const cursor = decodeKeyset(q.before, isEntryId);
      if (!cursor) throw AuditErrors.badCursor();
      qb.andWhere('a.id < :id', { id: Number(cursor.id) });
    }
    const rows = await qb.orderBy('a.id', 'DESC').limit(q.limit + 1).getMany();
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return { entries: page.map(toAuditEntry), nextCursor: rows.length > q.limit && last ? encodeKeyset(last.at, last.id) : null };
  }
}

export function toAuditEntry(e: AuditLogEntity): AuditEntry {
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    staff: { id: e.staffId, name: e.staffName, role: e.staffRole },
    action: e.action,
    target: e.targetType ? { type: e.targetType, id: e.targetId } : null,
    details: e.details,
    clientAddress: e.clientAddress,
  };
}
