import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff } from '../auth/auth.decorators';
import type { Staff } from '../staff/staff.entity';
import { CasesService } from './cases.service';
import { AttachEventsDto, GestureUpdateDto, NewCaseDto, NewGestureDto, ResolutionDto, UpdateCaseDto } from './dto/cases.dto';
import { GesturesService } from './gestures.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('cases')
@Controller()
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly gestures: GesturesService,
  ) {}

  @Get('customers/:id/cases')
  @ApiOperation({ summary: "A customer's cases: open first, then resolved" })
  async list(@Param('id', uuid) id: string, @CurrentStaff() staff: Staff) {
    return { cases: await this.cases.listForCustomer(id, staff) };
  }

  @Get('customers/:id/gestures')
  @ApiOperation({ summary: "A customer's gestures, newest first" })
  async customerGestures(@Param('id', uuid) id: string) {
    return { gestures: await this.gestures.listForCustomer(id) };
  }

  @Post('cases')
  @ApiOperation({ summary: 'Open a case (from an event or not); the same clientId again answers 200 with that case' })
  async open(@Body() body: NewCaseDto, @CurrentStaff() staff: Staff, @Res({ passthrough: true }) res: Response) {
    const { detail, created } = await this.cases.open(staff, body);
    res.status(created ? 201 : 200);
    return detail;
  }

  @Get('cases/:id')
  detail(@Param('id', uuid) id: string, @CurrentStaff() staff: Staff) {
    return this.cases.detail(id, staff);
  }

  @Patch('cases/:id')
  @ApiOperation({ summary: 'Rename a case or set its themes' })
  update(@Param('id', uuid) id: string, @Body() body: UpdateCaseDto, @CurrentStaff() staff: Staff) {
    return this.cases.update(staff, id, body);
  }

  @Post('cases/:id/events')
  @ApiOperation({ summary: "Attach events of the same customer's timeline (from any channel)" })
  attach(@Param('id', uuid) id: string, @Body() body: AttachEventsDto, @CurrentStaff() staff: Staff) {
    return this.cases.attach(staff, id, body);
  }

  @Delete('cases/:id/events/:eventId')
  detach(@Param('id', uuid) id: string, @Param('eventId') eventId: string, @CurrentStaff() staff: Staff) {
    return this.cases.detach(staff, id, eventId);
  }

  @Put('cases/:id/on-it')
  @ApiOperation({ summary: '"I\'m on it": others see who is helping. Not an assignment.' })
  onIt(@Param('id', uuid) id: string, @CurrentStaff() staff: Staff) {
    return this.cases.setOnIt(staff, id, true);
  }

  @Delete('cases/:id/on-it')
  notOnIt(@Param('id', uuid) id: string, @CurrentStaff() staff: Staff) {
    return this.cases.setOnIt(staff, id, false);
  }

  @Put('cases/:id/resolution')
  @ApiOperation({ summary: 'Resolve with the story, or edit it (a new version; 409 when someone changed it since expectedVersion)' })
  resolve(@Param('id', uuid) id: string, @Body() body: ResolutionDto, @CurrentStaff() staff: Staff) {
    return this.cases.resolve(staff, id, body);
  }

  @Post('cases/:id/reopen')
  @HttpCode(200)
  reopen(@Param('id', uuid) id: string, @CurrentStaff() staff: Staff) {
    return this.cases.reopen(staff, id);
  }

  @Get('gestures/allowance')
  @ApiOperation({ summary: "My own gesture allowance this month: what's left to give without asking anyone" })
  allowance(@CurrentStaff() staff: Staff) {
    return this.gestures.allowance(staff);
  }

  @Post('gestures')
  @ApiOperation({ summary: 'Record a surprise gesture (409 gesture.over_allowance beyond what is left this month)' })
  async record(@Body() body: NewGestureDto, @CurrentStaff() staff: Staff, @Res({ passthrough: true }) res: Response) {
    const { gesture, created } = await this.gestures.record(staff, body);
    res.status(created ? 201 : 200);
    return gesture;
  }

  @Patch('gestures/:id')
  @ApiOperation({ summary: "Mark given, add the customer's reaction; the giver may change note and cost" })
  updateGesture(@Param('id', uuid) id: string, @Body() body: GestureUpdateDto, @CurrentStaff() staff: Staff) {
    return this.gestures.update(staff, id, body);
  }
}
