import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { StoriesController } from './stories.controller';
import { StoriesService } from './stories.service';

@Module({
  imports: [CasesModule],
  controllers: [StoriesController],
  providers: [StoriesService],
})
export class StoriesModule {}
