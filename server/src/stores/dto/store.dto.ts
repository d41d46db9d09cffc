import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, ValidateIf } from 'class-validator';
import { trim } from '../../common/transforms';

export class CreateStoreDto {
  @ApiProperty({ example: '上海静安店', minLength: 1, maxLength: 100, description: 'Unique, ignoring case' })
  @Transform(trim)
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;

  @ApiProperty({ example: '上海', minLength: 1, maxLength: 60 })
  @Transform(trim)
  @IsString()
  @Length(1, 60, { message: 'city must be 1 to 60 characters' })
  city!: string;

  @ApiProperty({ example: '静安区南京西路 1266 号', minLength: 1, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'address must be 1 to 200 characters' })
  address!: string;
}

/** Any subset of the fields; null is refused (a store always has all three). */
export class UpdateStoreDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 60 })
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 60, { message: 'city must be 1 to 60 characters' })
  city?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'address must be 1 to 200 characters' })
  address?: string;
}
