import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import type { Staff } from '../staff/staff.entity';
import { CreateWeChatChannelDto, UpdateWeChatChannelDto } from './dto/wechat-channel.dto';
import {
  toWeChatChannelDto,
  WeChatChannelCreatedResponse,
  WeChatChannelListResponse,
  WeChatChannelResponse,
} from './wechat-channels.mapper';
import { WeChatChannelsService } from './wechat-channels.service';
import { Audited, changedFields } from '../audit/audited.decorator';

/** Admins connect WeChat Official Accounts. Secrets go in and never come back out. */
@ApiTags('wechat')
@Controller('channels/wechat')
export class WeChatChannelsController {
  constructor(private readonly channels: WeChatChannelsService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Connected WeChat accounts (admin); secrets show only as set / not set' })
  async list(): Promise<WeChatChannelListResponse> {
    return { channels: (await this.channels.list()).map(toWeChatChannelDto) };
  }

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @Audited('wechat_channel.create', { target: 'wechat_channel', targetId: ({ result }) => (result as { id?: string } | undefined)?.id })
  @ApiOperation({
    summary: 'Connect a WeChat Official Account (admin)',
    description:
      'Answers the id and the callback path to give WeChat as the server URL. With an EncodingAESKey the account is in safe (encrypted) mode. ' +
      'One connection per AppID (409 wechat.app_id_taken).',
  })
  async create(@Body() body: CreateWeChatChannelDto, @CurrentStaff() actor: Staff): Promise<WeChatChannelCreatedResponse> {
    const channel = toWeChatChannelDto(await this.channels.create(body, actor));
    return { id: channel.id, callbackPath: channel.callbackPath, channel };
  }

  @Patch(':id')
  @Roles('admin')
  @Audited('wechat_channel.update', { target: 'wechat_channel', param: 'id', details: changedFields })
  @ApiOperation({
    summary: 'Rename, change secrets, switch plain/safe mode, or disconnect (active: false) an account (admin)',
    description: 'Secrets left out keep their values. The AppID cannot change (followers are known by it). There is no delete: timelines name the account.',
  })
  async update(@Param('id') id: string, @Body() body: UpdateWeChatChannelDto, @CurrentStaff() actor: Staff): Promise<WeChatChannelResponse> {
    return { channel: toWeChatChannelDto(await this.channels.update(id, body, actor)) };
  }
}
