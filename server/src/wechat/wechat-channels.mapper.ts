import { ApiProperty } from '@nestjs/swagger';
import type { WeChatChannel } from '../realtime/contract';
import type { WeChatChannelEntity } from './wechat-channel.entity';

export const callbackPath = (id: string) => `/api/wechat/${id}`;

class WeChatSecretsDto {
  @ApiProperty() appSecret!: boolean;
  @ApiProperty() token!: boolean;
  @ApiProperty() encodingAesKey!: boolean;
}

export class WeChatChannelDto implements WeChatChannel {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() appId!: string;
  @ApiProperty({ example: '/api/wechat/8f0c…' }) callbackPath!: string;
  @ApiProperty({ enum: ['plain', 'safe'] }) mode!: 'plain' | 'safe';
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: WeChatSecretsDto, description: 'Whether each secret is set; the values are never returned' }) secrets!: WeChatSecretsDto;
  @ApiProperty() createdAt!: string;
}

export class WeChatChannelCreatedResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Give WeChat this path on your public origin as the server URL' }) callbackPath!: string;
  @ApiProperty({ type: WeChatChannelDto }) channel!: WeChatChannelDto;
}

export class WeChatChannelResponse {
  @ApiProperty({ type: WeChatChannelDto }) channel!: WeChatChannelDto;
}

export class WeChatChannelListResponse {
  @ApiProperty({ type: [WeChatChannelDto] }) channels!: WeChatChannelDto[];
}

/** Never the secrets themselves: only whether they are set. */
export function toWeChatChannelDto(c: WeChatChannelEntity): WeChatChannelDto {
  return {
    id: c.id,
    name: c.name,
    appId: c.appId,
    callbackPath: callbackPath(c.id),
    mode: c.encodingAesKey ? 'safe' : 'plain',
    active: c.active,
    secrets: { appSecret: !!c.appSecret, token: !!c.token, encodingAesKey: !!c.encodingAesKey },
    createdAt: c.createdAt.toISOString(),
  };
}
