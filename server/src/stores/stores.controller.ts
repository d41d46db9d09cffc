import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Store } from './store.entity';

class StoreDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() city!: string;
  @ApiProperty() address!: string;
}

class StoreListResponse {
  @ApiProperty({ type: [StoreDto] }) stores!: StoreDto[];
}

@ApiTags('stores')
@Controller('stores')
export class StoresController {
  constructor(@InjectRepository(Store) private readonly stores: Repository<Store>) {}

  @Get()
  @ApiOperation({ summary: 'All stores (any signed-in staff)' })
  async list(): Promise<StoreListResponse> {
    const stores = await this.stores.find({ order: { city: 'ASC', name: 'ASC' } });
    return { stores: stores.map(({ id, name, city, address }) => ({ id, name, city, address })) };
  }
}
