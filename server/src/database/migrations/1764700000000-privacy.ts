import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columns } from '../migration-helpers';

const REFUSAL = 'audit_log is append-only';

/**
 * Privacy: the audit log of staff actions on personal data, and a mark on customers whose data was
 * erased. The audit log is append-only in the database itself: triggers refuse UPDATE and DELETE
 * (and TRUNCATE on PostgreSQL), so no code path, console or script quietly rewrites who did what.
 */
export class Privacy1764700000000 implements MigrationInterface {
  name = 'Privacy1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    const pg = queryRunner.connection.options.type === 'postgres';
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          c.createdAt('at'),
          // No foreign key: an entry outlives anything it names, and a cascade would be a delete.
          c.ref('staff_id'),
          c.text('staff_name', 100),
          c.text('staff_role', 20),
          c.text('action', 60),
          c.text('target_type', 40, true),
          c.text('target_id', 64, true),
          c.json('details'),
          c.text('client_address', 64, true),
        ],
        indices: [
          { name: 'IDX_audit_log_staff', columnNames: ['staff_id', 'id'] },
          { name: 'IDX_audit_log_target', columnNames: ['target_id', 'id'] },
          { name: 'IDX_audit_log_action', columnNames: ['action', 'id'] },
        ],
      }),
    );
    if (pg) {
      await queryRunner.query(`CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '${REFUSAL}'; END $$`);
      await queryRunner.query(
        'CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()',
      );
      await queryRunner.query('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()');
    } else {
      await queryRunner.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`);
      await queryRunner.query(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`);
      // INSERT OR REPLACE deletes the old row without firing the delete trigger (recursive triggers
      // are off): refuse an insert that would land on an existing entry. (On PostgreSQL an upsert
      // is an UPDATE, which the trigger above refuses.)
      await queryRunner.query(
        `CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`,
      );
    }
    // A plain ALTER: TypeORM's addColumn rebuilds the whole table on SQLite.
    await queryRunner.query(`ALTER TABLE customers ADD COLUMN erased_at ${pg ? 'timestamptz' : 'datetime'}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE customers DROP COLUMN erased_at');
    // Dropping the table is the one way an audit log goes: only by undoing this migration on purpose.
    await queryRunner.dropTable('audit_log');
    if (queryRunner.connection.options.type === 'postgres') await queryRunner.query('DROP FUNCTION audit_log_refuse_change()');
  }
}
