import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columns } from '../migration-helpers';

/**
 * Store visits: an index of `store.visit` events by store and time (the visit itself is the event),
 * and desk-only events (notes their author keeps from store staff).
 */
export class StoreVisits1764300000000 implements MigrationInterface {
  name = 'StoreVisits1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    const pg = queryRunner.connection.options.type === 'postgres';
    await queryRunner.createTable(
      new Table({
        name: 'store_visits',
        columns: [
          { name: 'event_id', type: 'integer', isPrimary: true },
          c.ref('store_id'),
          c.ref('customer_id'),
          c.timestamp('occurred_at'),
        ],
        foreignKeys: [
          { columnNames: ['event_id'], referencedTableName: 'events', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['store_id'], referencedTableName: 'stores', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['customer_id'], referencedTableName: 'customers', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ name: 'IDX_store_visits_store_time', columnNames: ['store_id', 'occurred_at'] }],
      }),
    );
    // A plain ALTER: TypeORM's addColumn rebuilds the whole table on SQLite (slow at millions of events).
    await queryRunner.query(`ALTER TABLE events ADD COLUMN desk_only boolean NOT NULL DEFAULT ${pg ? 'false' : '0'}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE events DROP COLUMN desk_only');
    await queryRunner.dropTable('store_visits');
  }
}
