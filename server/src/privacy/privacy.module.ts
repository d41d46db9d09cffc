import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { CustomersModule } from '../customers/customers.module';
import { ImagesModule } from '../images/images.module';
import { TimelineModule } from '../timeline/timeline.module';
import { CustomerErasure } from './customer-erasure';
import { CustomerExport } from './customer-export';
import { EraseAgainAfterRestore } from './erase-again-after-restore';
import { PrivacyController } from './privacy.controller';

/** Export and erasure of one customer's data (admins; recorded in the audit log). */
@Module({
  imports: [CustomersModule, TimelineModule, CasesModule, ImagesModule, AuditModule],
  controllers: [PrivacyController],
  providers: [CustomerExport, CustomerErasure, EraseAgainAfterRestore],
})
export class PrivacyModule {}
