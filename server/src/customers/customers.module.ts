import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TimelineModule } from '../timeline/timeline.module';
import { Customer } from './customer.entity';
import { CustomersController } from './customers.controller';
import { CustomersService } from './customers.service';
import { Identity } from './identity.entity';
import { MergeHooks } from './merge-hooks';

@Module({
  imports: [TypeOrmModule.forFeature([Customer, Identity]), TimelineModule],
  controllers: [CustomersController],
  providers: [CustomersService, MergeHooks],
  exports: [CustomersService, MergeHooks],
})
export class CustomersModule {}
