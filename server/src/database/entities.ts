import { AuditLogEntity } from '../audit/audit-log.entity';
import { Session } from '../auth/session.entity';
import { CaseOnItEntity, CaseThemeEntity } from '../cases/case-on-it.entity';
import { CaseResolutionEntity } from '../cases/case-resolution.entity';
import { CaseEntity } from '../cases/case.entity';
import { GestureEntity } from '../cases/gesture.entity';
import { Conversation } from '../chat/conversation.entity';
import { ConversationRead } from '../chat/conversation-read.entity';
import { QuickReplyEntity } from '../chat/quick-reply.entity';
import { Customer } from '../customers/customer.entity';
import { Identity } from '../customers/identity.entity';
import { FORUM_ENTITIES } from '../forum/entities';
import { ChatImageEntity } from '../images/chat-image.entity';
import { Staff } from '../staff/staff.entity';
import { Store } from '../stores/store.entity';
import { StoryThanksEntity } from '../stories/story-thanks.entity';
import { TimelineEventEntity } from '../timeline/event.entity';
import { WeChatChannelEntity } from '../wechat/wechat-channel.entity';
import { WeChatOutboxEntity } from '../wechat/wechat-outbox.entity';
import { AppMeta } from './app-meta.entity';

export const ENTITIES = [AppMeta, Store, Staff, Session, Customer, Identity, TimelineEventEntity, Conversation, ConversationRead, QuickReplyEntity, ChatImageEntity,
  CaseEntity, CaseResolutionEntity, CaseOnItEntity, CaseThemeEntity, GestureEntity, StoryThanksEntity, WeChatChannelEntity, WeChatOutboxEntity,
  ...FORUM_ENTITIES, AuditLogEntity];
