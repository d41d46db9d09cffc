import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChatModule } from '../chat/chat.module';
import { TimelineModule } from '../timeline/timeline.module';
import { WeChatApi } from './wechat-api';
import { WeChatBodyMiddleware } from './wechat-body.middleware';
import { WeChatCallbackController } from './wechat-callback.controller';
import { WeChatCallbackService } from './wechat-callback.service';
import { WeChatChannelEntity } from './wechat-channel.entity';
import { WeChatChannelsController } from './wechat-channels.controller';
import { WeChatChannelsService } from './wechat-channels.service';
import { WeChatOutboxEntity } from './wechat-outbox.entity';
import { WeChatOutbox } from './wechat-outbox.service';
import { WeChatReplies } from './wechat-replies.service';
import { WeChatTokens } from './wechat-tokens';

/** WeChat Official Accounts: admin connections, WeChat's callbacks, and replies through the outbox. */
@Module({
  imports: [TypeOrmModule.forFeature([WeChatChannelEntity, WeChatOutboxEntity]), TimelineModule, ChatModule],
  controllers: [WeChatChannelsController, WeChatCallbackController],
  providers: [WeChatChannelsService, WeChatCallbackService, WeChatApi, WeChatTokens, WeChatOutbox, WeChatReplies],
})
export class WeChatModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(WeChatBodyMiddleware).forRoutes(WeChatCallbackController);
  }
}
