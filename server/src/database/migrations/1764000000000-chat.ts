import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columns } from '../migration-helpers';

/** Web chat: one conversation row per customer (the inbox), per-staff read positions, quick replies. */
export class Chat1764000000000 implements MigrationInterface {
  name = 'Chat1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    const customerFk = (column: string, onDelete: 'CASCADE' | 'SET NULL' = 'CASCADE') => ({
      columnNames: [column],
      referencedTableName: 'customers',
      referencedColumnNames: ['id'],
      onDelete,
    });
    const int0 = (name: string) => ({ ...c.int(name), default: 0 });

    await queryRunner.createTable(
      new Table({
        name: 'conversations',
        columns: [
          { ...c.ref('customer_id'), isPrimary: true },
          c.text('channel', 60),
          int0('last_message_id'),
          c.timestamp('last_message_at'),
          c.text('last_message_preview', 200),
          c.bool('last_message_has_image', false),
          c.text('last_from', 20),
          int0('last_customer_message_id'),
          c.timestamp('waiting_since', true),
          int0('delivered_up_to'),
          int0('read_up_to'),
          c.ref('suggested_customer_id', true),
          c.updatedAt(),
        ],
        foreignKeys: [customerFk('customer_id'), customerFk('suggested_customer_id', 'SET NULL')],
        indices: [
          { name: 'IDX_conversations_waiting', columnNames: ['waiting_since', 'customer_id'] },
          { name: 'IDX_conversations_recent', columnNames: ['last_message_at', 'customer_id'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'conversation_reads',
        columns: [{ ...c.ref('staff_id'), isPrimary: true }, { ...c.ref('customer_id'), isPrimary: true }, int0('read_up_to')],
        foreignKeys: [
          { columnNames: ['staff_id'], referencedTableName: 'staff', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          customerFk('customer_id'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'quick_replies',
        columns: [c.id(), c.text('text', 500), c.text('updated_by', 100, true), c.createdAt(), c.updatedAt()],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('quick_replies');
    await queryRunner.dropTable('conversation_reads');
    await queryRunner.dropTable('conversations');
  }
}
