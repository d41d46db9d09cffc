import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { trim } from '../../common/transforms';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class CreateCustomerDto {
  @ApiPropertyOptional({ example: '张伟', description: 'A name, a phone, or both' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 100, { message: 'displayName must be at most 100 characters' })
  displayName?: string;

  @ApiPropertyOptional({ example: '138 1234 5678' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}

export class UpdateCustomerDto {
  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters' })
  displayName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null or "" removes the number' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MaxLength(5000)
  notes?: string;
}

export class SearchCustomersQuery {
  @ApiPropertyOptional({ description: 'Name, phone, identity or words from any event; Chinese or English' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class PhoneQuery {
  @ApiProperty({ example: '138-1234-5678' })
  @IsString()
  @MaxLength(40)
  phone!: string;
}

export class LinkIdentityDto {
  @ApiProperty({ example: 'web' })
  @Transform(trim)
  @IsString()
  @Length(1, 60)
  channel!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  externalId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  displayName?: string;
}

export class MergeCustomerDto {
  @ApiProperty({ description: 'The customer to merge into this one; it will point here afterwards' })
  @IsUUID('all', { message: 'fromCustomerId must be a customer id' })
  fromCustomerId!: string;
}

export class AddNoteDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 5000, { message: 'body must be 1 to 5000 characters' })
  body!: string;

  @ApiProperty({ description: 'Made by the client once per note; a retry with the same id stores one note' })
  @IsString()
  @Length(1, 64)
  clientId!: string;

  @ApiPropertyOptional({ description: 'Keep this note from store staff (the rest of the team sees it)' })
  @IsOptional()
  @IsBoolean({ message: 'deskOnly must be true or false' })
  deskOnly?: boolean;
}

export class TimelineQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  before?: string;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Comma-separated event kinds' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  kinds?: string;

  @ApiPropertyOptional({ description: 'Comma-separated channels: chat, wechat, forum, store, desk, system' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  channels?: string;
}
