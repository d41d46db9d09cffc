import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { CreateStaffDto, ResetPasswordDto, UpdateStaffDto } from './dto/staff.dto';
import { Staff } from './staff.entity';
import { StaffListResponse, StaffResponse, toStaffDto } from './staff.mapper';
import { StaffService } from './staff.service';
import { Audited, changedFields } from '../audit/audited.decorator';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('staff')
@Roles('admin')
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: 'All staff accounts (admin)' })
  async list(): Promise<StaffListResponse> {
    return { staff: (await this.staff.list()).map(toStaffDto) };
  }

  @Post()
  @Audited('staff.create', { target: 'staff', targetId: ({ result }) => (result as { staff?: { id?: string } } | undefined)?.staff?.id, details: ({ body }) => ({ role: (body as CreateStaffDto).role }) })
  @ApiOperation({ summary: 'Create a staff account (admin)' })
  async create(@Body() body: CreateStaffDto, @CurrentStaff() actor: Staff): Promise<StaffResponse> {
    return { staff: toStaffDto(await this.staff.create(body, actor)) };
  }

  @Patch(':id')
  @Audited('staff.update', { target: 'staff', param: 'id', details: changedFields })
  @ApiOperation({ summary: 'Rename, change role or store, disable or re-enable (admin)' })
  async update(@Param('id', uuid) id: string, @Body() body: UpdateStaffDto, @CurrentStaff() actor: Staff): Promise<StaffResponse> {
    return { staff: toStaffDto(await this.staff.update(id, body, actor)) };
  }

  @Post(':id/password')
  @HttpCode(204)
  @Audited('staff.password_reset', { target: 'staff', param: 'id' })
  @ApiOperation({ summary: "Set a new password and sign the account out everywhere (admin)" })
  async resetPassword(@Param('id', uuid) id: string, @Body() body: ResetPasswordDto, @CurrentStaff() actor: Staff): Promise<void> {
    await this.staff.resetPassword(id, body, actor);
  }
}
