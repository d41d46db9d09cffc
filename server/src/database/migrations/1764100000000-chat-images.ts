import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columns } from '../migration-helpers';

/** Uploaded chat images; the files themselves live under <dataDir>/uploads. */
export class ChatImages1764100000000 implements MigrationInterface {
  name = 'ChatImages1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'chat_images',
        columns: [
          c.id(),
          c.text('mime', 20),
          c.int('bytes'),
          c.int('width'),
          c.int('height'),
          c.text('storage_path', 200),
          c.text('thumb_path', 200),
          c.text('uploader_type', 10),
          c.text('uploader_id', 64),
          c.createdAt(),
        ],
        checks: [{ name: 'CHK_chat_images_uploader_type', expression: "uploader_type IN ('staff','visitor')" }],
        indices: [{ name: 'IDX_chat_images_uploader', columnNames: ['uploader_type', 'uploader_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('chat_images');
  }
}
