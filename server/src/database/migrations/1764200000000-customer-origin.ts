import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columns } from '../migration-helpers';

/** Who made a customer record, when it was made by a channel (e.g. `web:<visitorId>`). */
export class CustomerOrigin1764200000000 implements MigrationInterface {
  name = 'CustomerOrigin1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('customers', new TableColumn(columns(queryRunner).text('origin', 80, true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('customers', 'origin');
  }
}
