import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { TimelineModule } from '../timeline/timeline.module';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { GesturesService } from './gestures.service';
import { StoryIndex } from './story-index';

@Module({
  imports: [CustomersModule, TimelineModule],
  controllers: [CasesController],
  providers: [CasesService, GesturesService, StoryIndex],
  exports: [CasesService, StoryIndex],
})
export class CasesModule {}
