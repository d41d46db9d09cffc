import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columns } from '../migration-helpers';

/**
 * Cases (a thread through a customer's events about one need), their resolutions (every edit a
 * new version), "I'm on it", themes, surprise gestures with a monthly allowance per staff member,
 * and the stories managers read: highlights, thank-you notes and a full-text index.
 */
export class Cases1764400000000 implements MigrationInterface {
  name = 'Cases1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    const pg = queryRunner.connection.options.type === 'postgres';
    const cascade = (column: string, table: string) => ({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'CASCADE' });

    await queryRunner.createTable(
      new Table({
        name: 'cases',
        columns: [
          c.id(),
          c.ref('customer_id'),
          c.text('title', 200),
          c.text('status', 20),
          c.ref('opened_by_id'),
          c.text('opened_by_name', 100),
          c.timestamp('opened_at'),
          c.timestamp('resolved_at', true),
          // How often it was resolved (a reopened case resolved again appends a new case.resolved).
          { name: 'resolve_count', type: 'integer', default: 0 },
          { name: 'resolution_version', type: 'integer', default: 0 },
          // staffId:clientId — a double submit is one case.
          c.text('client_key', 120),
          c.timestamp('highlighted_at', true),
          c.ref('highlighted_by_id', true),
          c.text('highlighted_by_name', 100, true),
          c.text('highlight_note', 500, true),
          c.createdAt(),
          c.updatedAt(),
        ],
        foreignKeys: [cascade('customer_id', 'customers')],
        uniques: [{ name: 'UQ_cases_client_key', columnNames: ['client_key'] }],
        indices: [
          { name: 'IDX_cases_customer', columnNames: ['customer_id'] },
          { name: 'IDX_cases_feed', columnNames: ['status', 'resolved_at', 'id'] },
          { name: 'IDX_cases_opened', columnNames: ['opened_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'case_resolutions',
        columns: [
          c.id(),
          c.ref('case_id'),
          c.int('version'),
          c.text('needed'),
          c.text('did'),
          c.text('felt'),
          c.text('customer_words', undefined, true),
          c.json('themes'),
          c.ref('written_by_id'),
          c.text('written_by_name', 100),
          c.timestamp('written_at'),
        ],
        foreignKeys: [cascade('case_id', 'cases')],
        uniques: [{ name: 'UQ_case_resolutions_version', columnNames: ['case_id', 'version'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'case_on_it',
        columns: [{ ...c.ref('case_id'), isPrimary: true }, { ...c.ref('staff_id'), isPrimary: true }, c.text('staff_name', 100), c.timestamp('since')],
        foreignKeys: [cascade('case_id', 'cases'), cascade('staff_id', 'staff')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'case_themes',
        columns: [{ ...c.ref('case_id'), isPrimary: true }, { ...c.text('theme', 30), isPrimary: true }],
        foreignKeys: [cascade('case_id', 'cases')],
        indices: [{ name: 'IDX_case_themes_theme', columnNames: ['theme'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'gestures',
        columns: [
          c.id(),
          c.ref('customer_id'),
          c.ref('case_id', true),
          c.text('kind', 30),
          c.text('note'),
          c.int('cost_cents', true),
          c.text('status', 20),
          c.text('reaction', undefined, true),
          c.ref('given_by_id'),
          c.text('given_by_name', 100),
          // The giver's allowance month (YYYY-MM in the stores' time zone) it counts against.
          c.text('month', 7),
          c.text('client_key', 120),
          c.createdAt(),
          c.timestamp('given_at', true),
          c.timestamp('reaction_at', true),
          c.updatedAt(),
        ],
        foreignKeys: [
          cascade('customer_id', 'customers'),
          { columnNames: ['case_id'], referencedTableName: 'cases', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
        uniques: [{ name: 'UQ_gestures_client_key', columnNames: ['client_key'] }],
        indices: [
          { name: 'IDX_gestures_allowance', columnNames: ['given_by_id', 'month'] },
          { name: 'IDX_gestures_customer', columnNames: ['customer_id'] },
          { name: 'IDX_gestures_case', columnNames: ['case_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'story_thanks',
        columns: [
          c.id(),
          c.ref('case_id'),
          c.ref('to_staff_id'),
          c.ref('from_staff_id'),
          c.text('from_name', 100),
          c.text('to_name', 100),
          c.text('body'),
          c.text('client_key', 120),
          c.createdAt(),
          c.timestamp('seen_at', true),
        ],
        foreignKeys: [cascade('case_id', 'cases'), cascade('to_staff_id', 'staff')],
        uniques: [{ name: 'UQ_story_thanks_client_key', columnNames: ['client_key'] }],
        indices: [{ name: 'IDX_story_thanks_to', columnNames: ['to_staff_id', 'created_at'] }],
      }),
    );
    if (pg) {
      await queryRunner.query(`CREATE TABLE story_search (case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE, text text NOT NULL, tsv tsvector NOT NULL)`);
      await queryRunner.query(`CREATE INDEX "IDX_story_search_tsv" ON story_search USING gin (tsv)`);
    } else {
      // Keeps its text (a few thousand stories): one-character queries fall back to LIKE over it.
      await queryRunner.query(`CREATE VIRTUAL TABLE story_search USING fts5(case_id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2')`);
    }
    // Plain statements: TypeORM's addColumn / createIndex would rebuild or lock big tables on SQLite.
    await queryRunner.query(`CREATE INDEX "IDX_events_case" ON events (case_id) WHERE case_id IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE staff ADD COLUMN monthly_gesture_allowance_cents integer NOT NULL DEFAULT 30000`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE staff DROP COLUMN monthly_gesture_allowance_cents');
    await queryRunner.query('DROP INDEX "IDX_events_case"');
    await queryRunner.query('DROP TABLE story_search');
    // Events keep pointing at nothing rather than losing their history.
    await queryRunner.query('UPDATE events SET case_id = NULL WHERE case_id IS NOT NULL');
    for (const table of ['story_thanks', 'gestures', 'case_themes', 'case_on_it', 'case_resolutions', 'cases']) await queryRunner.dropTable(table);
  }
}
