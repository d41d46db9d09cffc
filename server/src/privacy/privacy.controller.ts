import { Body, Controller, Get, HttpCode, Ip, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { toCustomerDto } from '../customers/customers.mapper';
import { CustomerErasure } from './customer-erasure';
import { CustomerExport } from './customer-export';
import { EraseCustomerDto } from './dto/erase.dto';
import type { Staff } from '../staff/staff.entity';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

/** A customer's right to their data: a copy of everything, and erasure. Admins only, both audited. */
@ApiTags('privacy')
@Roles('admin')
@Controller('customers')
export class PrivacyController {
  constructor(
    private readonly exports: CustomerExport,
    private readonly erasure: CustomerErasure,
  ) {}

  @Get(':id/export')
  @ApiProduces('application/zip')
  @ApiOperation({ summary: 'Admin: everything about a customer as a zip (customer.json + attachments/ with the original images)' })
  @Audited('customer.export', { target: 'customer', param: 'id' })
  async export(@Param('id', uuid) id: string): Promise<StreamableFile> {
    const zip = await this.exports.zip(id);
    return new StreamableFile(zip, { type: 'application/zip', disposition: `attachment; filename="customer-${id}.zip"` });
  }

  @Post(':id/erase')
  @HttpCode(200)
  @ApiOperation({
    summary: "Admin: erase a customer's personal data (confirmName must be their current name); the timeline keeps its shape as tombstones",
  })
  // Audited inside the erasure's own transaction (not by @Audited, which records after it).
  async erase(@Param('id', uuid) id: string, @Body() body: EraseCustomerDto, @CurrentStaff() staff: Staff, @Ip() ip: string) {
    const done = await this.erasure.erase(id, body.confirmName, { staff, clientAddress: ip });
    return { customer: toCustomerDto(done.customer), alreadyErased: done.alreadyErased, events: done.events, images: done.images };
  }
}
