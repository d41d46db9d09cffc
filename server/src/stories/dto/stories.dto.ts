import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { CLIENT_ID_MESSAGE, CLIENT_ID_PATTERN } from '../../common/ids';
import { trim } from '../../common/transforms';
import { EVENT_CHANNELS } from '../../timeline/event.entity';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const IDS = new RegExp(`^${UUID}(,${UUID}){0,49}$`, 'i');

export class StoriesQuery {
  @ApiPropertyOptional({ description: 'Full text, Chinese or English' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(30)
  theme?: string;

  @ApiPropertyOptional({ enum: EVENT_CHANNELS })
  @IsOptional()
  @IsIn(EVENT_CHANNELS, { message: `channel must be one of ${EVENT_CHANNELS.join(', ')}` })
  channel?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'storeId must be a store id' })
  storeId?: string;

  @ApiPropertyOptional({ description: 'Resolved on or after this local date (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date like 2026-11-01' })
  from?: string;

  @ApiPropertyOptional({ description: 'Resolved on or before this local date (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date like 2026-11-30' })
  to?: string;

  @ApiPropertyOptional({ enum: ['true', 'false', 'week'], description: 'Only stories a manager highlighted (week: in the last 7 days)' })
  @IsOptional()
  @IsIn(['true', 'false', 'week'], { message: 'highlighted must be true, false or week' })
  highlighted?: 'true' | 'false' | 'week';

  @ApiPropertyOptional({ description: 'Only stories I helped with' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'mine must be true or false' })
  mine?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  before?: string;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class StoryIdsQuery {
  @ApiProperty({ description: 'Comma-separated case ids (1–50)' })
  @Matches(IDS, { message: 'ids must be 1 to 50 story ids, separated by commas' })
  ids!: string;

  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh' })
  @IsOptional()
  @IsIn(['zh', 'en'], { message: 'lang must be zh or en' })
  lang?: 'zh' | 'en';
}

export class HighlightDto {
  @ApiPropertyOptional({ description: 'Why this story, for the team' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ThanksDto {
  @ApiProperty()
  @Matches(CLIENT_ID_PATTERN, { message: CLIENT_ID_MESSAGE })
  clientId!: string;

  @ApiProperty()
  @IsUUID('all', { message: 'toStaffId must be a staff id' })
  toStaffId!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 1000, { message: 'body must be 1 to 1000 characters' })
  body!: string;
}

export class ThemesQuery {
  @ApiPropertyOptional({ description: 'YYYY-MM (default: this month)' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must look like 2026-11' })
  month?: string;
}
