import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columns } from '../migration-helpers';

/** Stores, staff, sessions, customers and installation facts. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'app_meta',
        columns: [{ name: 'key', type: 'varchar', length: '100', isPrimary: true }, c.text('value'), c.updatedAt()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'stores',
        columns: [c.id(), c.text('name', 100), c.text('city', 60), c.text('address', 200), c.createdAt()],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'staff',
        columns: [
          c.id(),
          { ...c.text('email', 254), isUnique: true },
          c.text('display_name', 100),
          c.text('role', 20),
          c.text('password_hash', 255),
          c.bool('active', true),
          c.ref('store_id', true),
          c.createdAt(),
          c.updatedAt(),
        ],
        foreignKeys: [{ columnNames: ['store_id'], referencedTableName: 'stores', referencedColumnNames: ['id'], onDelete: 'SET NULL' }],
        checks: [{ name: 'CHK_staff_role', expression: "role IN ('agent','store','manager','admin')" }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          c.id(),
          { ...c.text('token_hash', 64), isUnique: true },
          c.ref('staff_id'),
          c.createdAt(),
          c.timestamp('expires_at'),
          c.timestamp('last_seen_at'),
        ],
        foreignKeys: [{ columnNames: ['staff_id'], referencedTableName: 'staff', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
        indices: [{ name: 'IDX_sessions_staff', columnNames: ['staff_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'customers',
        columns: [
          c.id(),
          c.text('display_name', 100),
          c.text('phone', 20, true),
          { ...c.text('notes'), default: "''" },
          c.createdAt(),
          c.updatedAt(),
        ],
        indices: [{ name: 'IDX_customers_phone', columnNames: ['phone'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['customers', 'sessions', 'staff', 'stores', 'app_meta']) await queryRunner.dropTable(table);
  }
}
