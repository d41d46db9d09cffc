import { applyDecorators, Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
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
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'URL verification by WeChat: answers echostr when the signature matches (401 otherwise)' })
  @SignatureQuery()
  @ApiQuery({ name: 'echostr' })
  verify(@Param('channelId') channelId: string, @Query() query: CallbackQuery): Promise<string> {
    return this.callbacks.verify(channelId, query);
  }

  @Post(':channelId')
  @HttpCode(200)
  @Header('Content-Type', 'text/plain; charset=utf-8')
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
  async receive(@Param('channelId') channelId: string, @Query() query: CallbackQuery, @Body() body: unknown): Promise<string> {
    await this.callbacks.receive(channelId, query, body);
    return 'success';
  }
}
