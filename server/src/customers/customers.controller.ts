import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import type { Staff } from '../staff/staff.entity';
import { TimelineService } from '../timeline/timeline.service';
import { CustomersService } from './customers.service';
import { toCustomerDto, toIdentityDto } from './customers.mapper';
import {
  AddNoteDto,
  CreateCustomerDto,
  LinkIdentityDto,
  MergeCustomerDto,
  PhoneQuery,
  SearchCustomersQuery,
  TimelineQuery,
  UpdateCustomerDto,
} from './dto/customer.dto';
import { Audited, changedFields } from '../audit/audited.decorator';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });
const list = (s?: string) => s?.split(',').map((x) => x.trim()).filter(Boolean);

@ApiTags('customers')
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly customers: CustomersService,
    private readonly timeline: TimelineService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search customers by name, phone, identity or anything they wrote (Chinese or English)' })
  async search(@Query() query: SearchCustomersQuery, @CurrentStaff() reader: Staff) {
    return { results: await this.customers.searchCustomers(query.q, query.limit ?? 20, reader) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a customer' })
  async create(@Body() body: CreateCustomerDto, @CurrentStaff() actor: Staff) {
    return { customer: toCustomerDto(await this.customers.create(body, actor)) };
  }

  @Get('by-phone')
  @ApiOperation({ summary: 'Find a customer by phone, in any common format' })
  async byPhone(@Query() query: PhoneQuery) {
    return { customer: toCustomerDto(await this.customers.findByPhone(query.phone)) };
  }

  @Get(':id')
  @Audited('customer.view', { target: 'customer', param: 'id' })
  @ApiOperation({ summary: 'One customer; a merged one answers 308 to where it went' })
  async get(@Param('id', uuid) id: string, @Req() req: Request) {
    return { customer: toCustomerDto(await this.customers.get(id, req.originalUrl)) };
  }

  @Patch(':id')
  @Audited('customer.update', { target: 'customer', param: 'id', details: changedFields })
  @ApiOperation({ summary: 'Edit name, phone or notes' })
  async update(@Param('id', uuid) id: string, @Body() body: UpdateCustomerDto, @CurrentStaff() actor: Staff) {
    return { customer: toCustomerDto(await this.customers.update(id, body, actor)) };
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'The timeline, newest first, keyset-paginated; filter by kinds or channels' })
  async timelinePage(@Param('id', uuid) id: string, @Query() query: TimelineQuery, @Req() req: Request, @CurrentStaff() reader: Staff) {
    await this.customers.get(id, req.originalUrl);
    const q = { before: query.before, limit: query.limit ?? 50, kinds: list(query.kinds), channels: list(query.channels) };
    return this.timeline.page(id, q, reader);
  }

  @Post(':id/notes')
  @ApiOperation({ summary: 'Add a staff-only note to the timeline (idempotent on clientId); deskOnly hides it from store staff' })
  async addNote(@Param('id', uuid) id: string, @Body() body: AddNoteDto, @CurrentStaff() actor: Staff) {
    return { event: await this.customers.addNote(id, body, actor) };
  }

  @Post(':id/identities')
  @Audited('identity.link', { target: 'customer', param: 'id', details: ({ body }) => ({ channel: (body as LinkIdentityDto).channel }) })
  @ApiOperation({ summary: 'Link a channel identity to this customer' })
  async linkIdentity(@Param('id', uuid) id: string, @Body() body: LinkIdentityDto, @CurrentStaff() actor: Staff) {
    return { identity: toIdentityDto(await this.customers.linkIdentity(id, body, actor)) };
  }

  @Post(':id/merge')
  @Roles('agent', 'manager', 'admin')
  @Audited('customer.merge', { target: 'customer', param: 'id', details: ({ body }) => ({ fromCustomerId: (body as MergeCustomerDto).fromCustomerId }) })
  @ApiOperation({ summary: 'Merge another customer (fromCustomerId) into this one' })
  async merge(@Param('id', uuid) id: string, @Body() body: MergeCustomerDto, @CurrentStaff() actor: Staff) {
    return { customer: toCustomerDto(await this.customers.merge(id, body.fromCustomerId, actor)) };
  }
}
