import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CustomersModule } from '../customers/customers.module';
import { TimelineModule } from '../timeline/timeline.module';
import { RealtimeGateway } from './realtime.gateway';

@Module({
  imports: [AuthModule, CustomersModule, TimelineModule],
  providers: [RealtimeGateway],
})
export class RealtimeModule {}
