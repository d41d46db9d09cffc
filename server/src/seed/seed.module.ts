import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { ForumModule } from '../forum/forum.module';
import { TimelineModule } from '../timeline/timeline.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [TimelineModule, ChatModule, ForumModule], providers: [DemoSeedService] })
export class SeedModule {}
