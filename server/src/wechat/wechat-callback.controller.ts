import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { CallbackQuery, WeChatCallbackService } from './wechat-callback.service';

const SignatureQuery = () =>
  applyDecorators(
    ApiQuery({ name: 'signature', description: 'SHA-1 of the Token, timestamp and nonce, sorted and joined' }),
    ApiQuery({ name: 'timestamp' }),
    ApiQuery({ name: 'nonce' }),
  );

/** WeChat's servers call these (no session: the signature made with the account's Token is the proof). */
@ApiTags('wechat')
@Public()
@Controller('wechat')
export class WeChatCallbackController {
  constructor(private readonly callbacks: WeChatCallbackService) {}

  @Get(':channelId')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'URL verification by WeChat: answers echostr when the signature matches (401 otherwise)' })
  @SignatureQuery()
  @ApiQuery({ name: 'echostr' })
  async verify(@Param('channelId') channelId: string, @Query() query: CallbackQuery, @Res({ passthrough: true }) res: Response): Promise<string> {
    const echo = await this.callbacks.verify(channelId, query);
    // Plain text on success only: errors keep the JSON error shape.
    res.type('text/plain');
    return echo;
  }

  @Post(':channelId')
  @HttpCode(200)
  @ApiProduces('text/plain')
  @ApiConsumes('text/xml')
  @ApiOperation({
    summary: 'A message or event from WeChat (plain or safe mode); stored, then answered "success"',
    description:
      'Signature checked first (401, nothing stored). Safe mode adds encrypt_type=aes and msg_signature. At most 64 KB (413). ' +
      'XML with a DOCTYPE is refused (400). Retries of one message (same MsgId; events: same sender and CreateTime) store one event.',
  })
  @SignatureQuery()
  @ApiQuery({ name: 'encrypt_type', required: false, enum: ['aes'] })
  @ApiQuery({ name: 'msg_signature', required: false })
  async receive(@Param('channelId') channelId: string, @Query() query: CallbackQuery, @Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<string> {
    await this.callbacks.receive(channelId, query, body);
    res.type('text/plain');
    return 'success';
  }
}
