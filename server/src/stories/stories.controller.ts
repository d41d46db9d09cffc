import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { Staff } from '../staff/staff.entity';
import { HighlightDto, StoriesQuery, StoryIdsQuery, ThanksDto, ThemesQuery } from './dto/stories.dto';
import { StoriesService } from './stories.service';
import { storiesMarkdown } from './story-markdown';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });
const idList = (ids: string) => [...new Set(ids.split(','))];

@ApiTags('stories')
@Controller()
export class StoriesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly stories: StoriesService,
  ) {}

  @Get('stories')
  @ApiOperation({ summary: 'Resolved cases as stories, newest first (keyset-paged); filter by theme, channel, store, period, text' })
  page(@Query() query: StoriesQuery, @CurrentStaff() staff: Staff) {
    return this.stories.page(staff, query);
  }

  @Get('stories/facets')
  @ApiOperation({ summary: 'Themes used in stories and the stores, for the filter pickers' })
  facets() {
    return this.stories.facets();
  }

  @Get('stories/selection')
  @ApiOperation({ summary: 'Several full stories in the given order (the printable page)' })
  async selection(@Query() query: StoryIdsQuery, @CurrentStaff() staff: Staff) {
    return { stories: await this.stories.stories(idList(query.ids), staff) };
  }

  @Get('stories/export.md')
  @ApiProduces('text/markdown')
  @ApiOperation({ summary: 'Stories as a Markdown file' })
  async exportMarkdown(@Query() query: StoryIdsQuery, @CurrentStaff() staff: Staff, @Res({ passthrough: true }) res: Response) {
    const stories = await this.stories.stories(idList(query.ids), staff);
    const day = new Date().toLocaleDateString('sv-SE', { timeZone: this.config.storeTimeZone });
    res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="hearth-stories-${day}.md"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return storiesMarkdown(stories, query.lang ?? 'zh', this.config.storeTimeZone);
  }

  @Get('stories/:caseId')
  story(@Param('caseId', uuid) caseId: string, @CurrentStaff() staff: Staff) {
    return this.stories.story(caseId, staff);
  }

  @Put('stories/:caseId/highlight')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'Highlight a story for the team ("story of the week")' })
  highlight(@Param('caseId', uuid) caseId: string, @Body() body: HighlightDto, @CurrentStaff() staff: Staff) {
    return this.stories.highlight(staff, caseId, body.note ?? null);
  }

  @Delete('stories/:caseId/highlight')
  @Roles('manager', 'admin')
  unhighlight(@Param('caseId', uuid) caseId: string, @CurrentStaff() staff: Staff) {
    return this.stories.unhighlight(staff, caseId);
  }

  @Post('stories/:caseId/thanks')
  @Roles('manager', 'admin')
  @ApiOperation({ summary: 'A thank-you note to someone who helped in the story (they see it)' })
  async thank(@Param('caseId', uuid) caseId: string, @Body() body: ThanksDto, @CurrentStaff() staff: Staff, @Res({ passthrough: true }) res: Response) {
    const { note, created } = await this.stories.thank(staff, caseId, body);
    res.status(created ? 201 : 200);
    return note;
  }

  @Get('me/thanks')
  @ApiOperation({ summary: 'Thank-you notes to me, newest first' })
  myThanks(@CurrentStaff() staff: Staff) {
    return this.stories.myThanks(staff);
  }

  @Post('me/thanks/seen')
  @HttpCode(204)
  async seen(@CurrentStaff() staff: Staff) {
    await this.stories.markThanksSeen(staff);
  }

  @Get('themes')
  @ApiOperation({ summary: 'What customers came with in a month, by theme (customers, not staff)' })
  themes(@Query() query: ThemesQuery) {
    return this.stories.themes(query.month);
  }
}
