import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { trim } from '../../common/transforms';

export class InboxQuery {
  @ApiPropertyOptional({ enum: ['waiting', 'recent'], default: 'waiting', description: 'waiting: oldest first; recent: newest first' })
  @IsOptional()
  @IsIn(['waiting', 'recent'], { message: 'view must be waiting or recent' })
  view?: 'waiting' | 'recent';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class QuickReplyDto {
  @ApiProperty({ example: '您好，我是 Hearth 的客服，很高兴为您服务。' })
  @Transform(trim)
  @IsString()
  @Length(1, 500, { message: 'text must be 1 to 500 characters' })
  text!: string;
}
