import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '../customers/customers.module';
import { ImagesModule } from '../images/images.module';
import { TimelineModule } from '../timeline/timeline.module';
import { ChatController } from './chat.controller';
import { ChatService } from './chat.service';
import { ConversationRead } from './conversation-read.entity';
import { Conversation } from './conversation.entity';
import { InboxService } from './inbox.service';
import { QuickRepliesController } from './quick-replies.controller';
import { QuickRepliesService } from './quick-replies.service';
import { QuickReplyEntity } from './quick-reply.entity';
import { StaffChatGateway } from './staff-chat.gateway';
import { VisitorGateway } from './visitor.gateway';

@Module({
  imports: [TypeOrmModule.forFeature([Conversation, ConversationRead, QuickReplyEntity]), CustomersModule, TimelineModule, ImagesModule],
  controllers: [ChatController, QuickRepliesController],
  providers: [ChatService, InboxService, QuickRepliesService, StaffChatGateway, VisitorGateway],
  exports: [ChatService, InboxService],
})
export class ChatModule {}
