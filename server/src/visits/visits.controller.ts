import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff } from '../auth/auth.decorators';
import type { Staff } from '../staff/staff.entity';
import { NewVisitDto, TodayQuery } from './dto/visit.dto';
import { VisitsService } from './visits.service';

@ApiTags('visits')
@Controller('visits')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Post()
  @ApiOperation({ summary: 'Log a walk-in visit: a store.visit event on the customer timeline (201; the same draft again answers 200)' })
  async log(@Body() body: NewVisitDto, @CurrentStaff() staff: Staff, @Res({ passthrough: true }) res: Response) {
    const { event, created } = await this.visits.log(staff, body);
    res.status(created ? 201 : 200);
    return { event };
  }

  @Get('today')
  @ApiOperation({ summary: "Today's visits at my store (or storeId), newest first: a diary, not a count" })
  today(@Query() query: TodayQuery, @CurrentStaff() staff: Staff) {
    return this.visits.today(staff, query.storeId);
  }
}
