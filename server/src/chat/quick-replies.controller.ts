import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/auth.decorators';
import type { Staff } from '../staff/staff.entity';
import { QuickReplyDto } from './dto/chat.dto';
import { QuickRepliesService } from './quick-replies.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('chat')
@Controller('quick-replies')
export class QuickRepliesController {
  constructor(private readonly replies: QuickRepliesService) {}

  @Get()
  @ApiOperation({ summary: "The team's saved phrases" })
  async list() {
    return { items: await this.replies.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Add a saved phrase' })
  create(@Body() body: QuickReplyDto, @CurrentStaff() staff: Staff) {
    return this.replies.create(body.text, staff);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a saved phrase' })
  update(@Param('id', uuid) id: string, @Body() body: QuickReplyDto, @CurrentStaff() staff: Staff) {
    return this.replies.update(id, body.text, staff);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a saved phrase' })
  async remove(@Param('id', uuid) id: string) {
    await this.replies.remove(id);
  }
}
