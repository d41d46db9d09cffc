import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columns } from '../migration-helpers';

/** WeChat Official Accounts (with their shared access-token cache) and the outbox of replies to them. */
export class WeChat1764500000000 implements MigrationInterface {
  name = 'WeChat1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'wechat_channels',
        columns: [
          c.id(),
          c.text('name', 60),
          c.text('app_id', 32),
          c.text('app_secret', 128),
          c.text('token', 32),
          c.text('encoding_aes_key', 43, true),
          c.bool('active', true),
          c.text('access_token', 512, true),
          c.timestamp('access_token_expires_at', true),
          c.createdAt(),
          c.updatedAt(),
        ],
        uniques: [{ name: 'UQ_wechat_channels_app_id', columnNames: ['app_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'wechat_outbox',
        columns: [
          { name: 'event_id', type: 'integer', isPrimary: true },
          c.ref('channel_id'),
          c.text('open_id', 64),
          { ...c.json('payload'), isNullable: false },
          c.text('status', 10),
          { ...c.int('attempts'), default: 0 },
          c.timestamp('next_attempt_at'),
          c.timestamp('claimed_at', true),
          c.text('last_error', 200, true),
          c.createdAt(),
        ],
        foreignKeys: [
          { columnNames: ['event_id'], referencedTableName: 'events', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['channel_id'], referencedTableName: 'wechat_channels', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
        indices: [{ name: 'IDX_wechat_outbox_due', columnNames: ['status', 'next_attempt_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('wechat_outbox');
    await queryRunner.dropTable('wechat_channels');
  }
}
