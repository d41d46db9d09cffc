import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TimelineEventEntity } from './event.entity';
import { EventSearch } from './event-search';
import { TimelineService } from './timeline.service';

@Module({
  imports: [TypeOrmModule.forFeature([TimelineEventEntity])],
  providers: [TimelineService, EventSearch],
  exports: [TimelineService, EventSearch],
})
export class TimelineModule {}
