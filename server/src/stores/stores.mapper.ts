import { ApiProperty } from '@nestjs/swagger';
import { Store } from './store.entity';

export class StoreDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() city!: string;
  @ApiProperty() address!: string;
}

export class StoreResponse {
  @ApiProperty({ type: StoreDto }) store!: StoreDto;
}

export class StoreListResponse {
  @ApiProperty({ type: [StoreDto] }) stores!: StoreDto[];
}

export function toStoreDto(store: Store): StoreDto {
  return { id: store.id, name: store.name, city: store.city, address: store.address };
}
