import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumeOrThrow, RateLimits } from '../common/rate-limit';
import { CurrentStaff, Public } from '../auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/config';
import { CustomersService } from '../customers/customers.service';
import type { ConversationState } from '../realtime/contract';
import { PresenceService } from '../realtime/presence.service';
import type { Staff } from '../staff/staff.entity';
import { ChatErrors } from './chat.errors';
import { ChatService } from './chat.service';
import { InboxQuery } from './dto/chat.dto';
import { InboxService } from './inbox.service';
import { VisitorTokens } from './visitor-tokens';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('chat')
@Controller()
export class ChatController {
  private readonly newVisitors: RateLimiterAbstract;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tokens: VisitorTokens,
    private readonly chat: ChatService,
    private readonly inbox: InboxService,
    private readonly customers: CustomersService,
    private readonly presence: PresenceService,
    limits: RateLimits,
  ) {
    this.newVisitors = limits.create('chat:new-visitors', config.chatNewVisitorsPerMinute, 60);
  }

  @Public()
  @Post('chat/visitor')
  @HttpCode(201)
  @ApiOperation({ summary: 'A signed visitor token for the web chat (kept by the browser; identifies its conversation)' })
  async newVisitor(@Req() req: Request) {
    await consumeOrThrow(this.newVisitors, req.ip ?? 'unknown', ChatErrors.tooManyVisitors);
    return this.tokens.issue();
  }

  @Get('inbox')
  @ApiOperation({ summary: 'Conversations: who is waiting for a reply (oldest first), or recent ones (newest first)' })
  async list(@Query() query: InboxQuery, @CurrentStaff() staff: Staff) {
    return this.inbox.list(staff.id, query.view ?? 'waiting', query.cursor, query.limit ?? 50);
  }

  @Post('inbox/:customerId/handled')
  @HttpCode(204)
  @ApiOperation({ summary: 'Someone followed up with this person: they leave "waiting for a reply"' })
  async handled(@Param('customerId', uuid) customerId: string, @Req() req: Request, @CurrentStaff() staff: Staff) {
    await this.customers.get(customerId, req.originalUrl);
    await this.chat.markHandled(customerId, staff);
  }

  @Get('customers/:id/conversation')
  @ApiOperation({ summary: "A customer's chat state: whether a reply can go out, receipts, who else is looking" })
  async conversation(@Param('id', uuid) id: string, @Req() req: Request): Promise<ConversationState> {
    await this.customers.get(id, req.originalUrl);
    const [conversation, replyChannel, live] = await Promise.all([
      this.inbox.find(id),
      this.chat.replyChannel(id),
      this.presence.viewers(id),
    ]);
    return {
      customerId: id,
      replyChannel,
      waitingSince: conversation?.waitingSince?.toISOString() ?? null,
      deliveredUpTo: String(conversation?.deliveredUpTo ?? 0),
      readUpTo: String(conversation?.readUpTo ?? 0),
      ...live,
    };
  }
}
