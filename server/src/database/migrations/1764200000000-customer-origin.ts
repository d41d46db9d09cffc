import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who made a customer record, when it was made by a channel (e.g. `web:<visitorId>`). */
export class CustomerOrigin1764200000000 implements MigrationInterface {
  name = 'CustomerOrigin1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A plain ALTER: TypeORM's addColumn rebuilds the whole table on SQLite.
    await queryRunner.query('ALTER TABLE customers ADD COLUMN origin varchar(80)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE customers DROP COLUMN origin');
  }
}
