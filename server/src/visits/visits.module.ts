import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { CustomersModule } from '../customers/customers.module';
import { ImagesModule } from '../images/images.module';
import { TimelineModule } from '../timeline/timeline.module';
import { VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

@Module({
  imports: [TimelineModule, CustomersModule, ImagesModule, ChatModule],
  controllers: [VisitsController],
  providers: [VisitsService],
})
export class VisitsModule {}
