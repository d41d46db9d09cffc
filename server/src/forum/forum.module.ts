import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CustomersModule } from '../customers/customers.module';
import { ImagesModule } from '../images/images.module';
import { TimelineModule } from '../timeline/timeline.module';
import { ForumAccountsService } from './accounts.service';
import { ForumBoardsService } from './boards.service';
import { ForumAccountsController } from './forum-accounts.controller';
import { ForumLive } from './forum-live';
import { ForumTimeline } from './forum-timeline';
import { ForumViews } from './forum-views';
import { ForumController } from './forum.controller';
import { ForumGateway } from './forum.gateway';
import { ForumService } from './forum.service';
import { ForumModerationService } from './moderation.service';

/** The community forum: boards, accounts, threads and posts, moderation, and live threads on `/forum`. */
@Module({
  imports: [AuthModule, CustomersModule, TimelineModule, ImagesModule],
  controllers: [ForumAccountsController, ForumController],
  providers: [ForumAccountsService, ForumBoardsService, ForumService, ForumModerationService, ForumViews, ForumTimeline, ForumLive, ForumGateway],
  exports: [ForumAccountsService, ForumBoardsService, ForumService, ForumModerationService],
})
export class ForumModule {}
