import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from '../migration-helpers';

/** Identities, the event timeline and its full-text index, and merged customers. */
export class Timeline1763990000000 implements MigrationInterface {
  name = 'Timeline1763990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    const pg = queryRunner.connection.options.type === 'postgres';

    await queryRunner.addColumns('customers', [new TableColumn(c.ref('merged_into_id', true)), new TableColumn(c.timestamp('last_event_at', true))]);
    await queryRunner.createForeignKey(
      'customers',
      new TableForeignKey({ columnNames: ['merged_into_id'], referencedTableName: 'customers', referencedColumnNames: ['id'], onDelete: 'SET NULL' }),
    );
    await queryRunner.createIndex('customers', new TableIndex({ name: 'IDX_customers_last_event', columnNames: ['last_event_at'] }));

    await queryRunner.createTable(
      new Table({
        name: 'identities',
        columns: [
          c.id(),
          c.ref('customer_id'),
          c.text('channel', 60),
          c.text('external_id', 200),
          c.text('display_name', 100, true),
          c.bool('verified', false),
          c.createdAt(),
        ],
        foreignKeys: [{ columnNames: ['customer_id'], referencedTableName: 'customers', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        uniques: [{ name: 'UQ_identities_channel_external', columnNames: ['channel', 'external_id'] }],
        indices: [{ name: 'IDX_identities_customer', columnNames: ['customer_id'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'events',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          c.ref('customer_id'),
          c.text('kind', 40),
          c.text('channel', 60),
          c.text('author_type', 20),
          c.text('author_id', 64, true),
          c.text('author_name', 100, true),
          c.text('body'),
          c.json('details'),
          c.timestamp('occurred_at'),
          c.timestamp('recorded_at'),
          c.text('source', 60),
          c.text('source_id', 200),
          c.ref('case_id', true),
          c.bool('internal', false),
        ],
        foreignKeys: [{ columnNames: ['customer_id'], referencedTableName: 'customers', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        uniques: [{ name: 'UQ_events_source', columnNames: ['source', 'source_id'] }],
        indices: [{ name: 'IDX_events_timeline', columnNames: ['customer_id', 'occurred_at', 'id'] }],
      }),
    );

    if (pg) {
      await queryRunner.query(`CREATE TABLE event_search (event_id integer PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE, tsv tsvector NOT NULL)`);
      await queryRunner.query(`CREATE INDEX "IDX_event_search_tsv" ON event_search USING gin (tsv)`);
    } else {
      // Contentless: holds only the index; rowid is the event id. Text is pre-split into CJK bigrams.
      await queryRunner.query(
        `CREATE VIRTUAL TABLE event_search USING fts5(text, tokenize = 'unicode61 remove_diacritics 2', content = '', contentless_delete = 1)`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS event_search');
    await queryRunner.dropTable('events');
    await queryRunner.dropTable('identities');
    await queryRunner.dropIndex('customers', 'IDX_customers_last_event');
    const table = await queryRunner.getTable('customers');
    const fk = table?.foreignKeys.find((f) => f.columnNames.includes('merged_into_id'));
    if (fk) await queryRunner.dropForeignKey('customers', fk);
    await queryRunner.dropColumns('customers', ['merged_into_id', 'last_event_at']);
  }
}
