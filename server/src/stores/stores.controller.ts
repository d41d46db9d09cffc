import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { Staff } from '../staff/staff.entity';
import { CreateStoreDto, UpdateStoreDto } from './dto/store.dto';
import { StoreListResponse, StoreResponse, toStoreDto } from './stores.mapper';
import { StoresService } from './stores.service';
import { Audited, changedFields } from '../audit/audited.decorator';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

@ApiTags('stores')
@Controller('stores')
export class StoresController {
  constructor(private readonly stores: StoresService) {}

  @Get()
  @ApiOperation({ summary: 'All stores (any signed-in staff)' })
  async list(): Promise<StoreListResponse> {
    return { stores: (await this.stores.list()).map(toStoreDto) };
  }

  @Post()
  @Roles('admin')
  @Audited('store.create', { target: 'store', targetId: ({ result }) => (result as { store?: { id?: string } } | undefined)?.store?.id })
  @ApiOperation({
    summary: 'Add a store (admin); stores are never deleted',
    description: 'Names are unique ignoring case (409 store.name_taken). Stores cannot be deleted: staff belong to them and visits on customer timelines name them.',
  })
  async create(@Body() body: CreateStoreDto, @CurrentStaff() actor: Staff): Promise<StoreResponse> {
    return { store: toStoreDto(await this.stores.create(body, actor)) };
  }

  @Patch(':id')
  @Roles('admin')
  @Audited('store.update', { target: 'store', param: 'id', details: changedFields })
  @ApiOperation({
    summary: 'Rename a store or change its city or address (admin); there is no delete',
    description: 'Any subset of name, city, address. Stores cannot be deleted: staff belong to them and visits on customer timelines name them.',
  })
  async update(@Param('id', uuid) id: string, @Body() body: UpdateStoreDto, @CurrentStaff() actor: Staff): Promise<StoreResponse> {
    return { store: toStoreDto(await this.stores.update(id, body, actor)) };
  }
}
