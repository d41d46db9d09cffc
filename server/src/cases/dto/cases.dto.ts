import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { CLIENT_ID_MESSAGE, CLIENT_ID_PATTERN } from '../../common/ids';
import { trim } from '../../common/transforms';
import { GESTURE_KINDS, GestureKind, GestureStatus, GestureUpdate, NewCase, NewGesture, ResolutionInput } from '../../realtime/contract';

const EVENT_ID = /^\d{1,15}$/;
// eslint-disable-next-line no-control-regex
const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;
const trimAll = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);

/** Themes: up to 8 short tags (normalised and de-duplicated by the service). */
const Themes = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], maxItems: 8, description: 'Short tags of what the customer came with (屏幕, 电池, 退货)' }),
    IsOptional(),
    Transform(trimAll),
    IsArray(),
    ArrayMaxSize(8, { message: 'themes: at most 8' }),
    IsString({ each: true }),
    Length(1, 30, { each: true, message: 'each theme must be 1 to 30 characters' }),
    Matches(ONE_LINE, { each: true, message: 'each theme must be one line' }),
  );

/** Optional cost in fen; null clears it. */
const Cost = () =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, description: 'Fen (¥1 = 100)' }),
    IsOptional(),
    IsInt({ message: 'costCents must be a whole number of fen (¥1 = 100)' }),
    Min(0, { message: 'costCents cannot be negative' }),
    Max(10_000_000, { message: 'costCents can be at most 10000000 (¥100,000)' }),
  );

export class NewCaseDto implements NewCase {
  @ApiProperty({ description: 'Made once per form; submitting it again opens one case' })
  @Matches(CLIENT_ID_PATTERN, { message: CLIENT_ID_MESSAGE })
  clientId!: string;

  @ApiProperty()
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId!: string;

  @ApiProperty({ example: '屏幕碎了' })
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  @Matches(ONE_LINE, { message: 'title must be one line' })
  title!: string;

  @ApiPropertyOptional({ description: 'The timeline event the case is opened from (attached to it)' })
  @IsOptional()
  @Matches(EVENT_ID, { message: 'fromEventId must be an event id' })
  fromEventId?: string;

  @Themes()
  themes?: string[];
}

export class UpdateCaseDto {
  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'title must be 1 to 200 characters' })
  @Matches(ONE_LINE, { message: 'title must be one line' })
  title?: string;

  @Themes()
  themes?: string[];
}

export class AttachEventsDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1, { message: 'eventIds: give at least one event' })
  @ArrayMaxSize(50, { message: 'eventIds: at most 50 at once' })
  @ArrayUnique()
  @Matches(EVENT_ID, { each: true, message: 'eventIds must be event ids' })
  eventIds!: string[];
}

export class ResolutionDto implements ResolutionInput {
  @ApiProperty({ description: 'The version you started from (0 when there was none)' })
  @IsInt()
  @Min(0)
  expectedVersion!: number;

  @ApiProperty({ description: 'What the customer needed' })
  @Transform(trim)
  @IsString()
  @Length(1, 4000, { message: 'needed must be 1 to 4000 characters' })
  needed!: string;

  @ApiProperty({ description: 'What we did' })
  @Transform(trim)
  @IsString()
  @Length(1, 4000, { message: 'did must be 1 to 4000 characters' })
  did!: string;

  @ApiProperty({ description: 'How they felt' })
  @Transform(trim)
  @IsString()
  @Length(1, 4000, { message: 'felt must be 1 to 4000 characters' })
  felt!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Their own words' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  customerWords?: string | null;

  @Themes()
  themes?: string[];
}

export class NewGestureDto implements NewGesture {
  @ApiProperty()
  @Matches(CLIENT_ID_PATTERN, { message: CLIENT_ID_MESSAGE })
  clientId!: string;

  @ApiProperty()
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId?: string;

  @ApiProperty({ enum: GESTURE_KINDS })
  @IsIn(GESTURE_KINDS, { message: `kind must be one of ${GESTURE_KINDS.join(', ')}` })
  kind!: GestureKind;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 2000, { message: 'note must be 1 to 2000 characters' })
  note!: string;

  @Cost()
  costCents?: number | null;

  @ApiProperty({ enum: ['planned', 'given'] })
  @IsIn(['planned', 'given'], { message: 'status must be planned or given' })
  status!: GestureStatus;
}

export class GestureUpdateDto implements GestureUpdate {
  @ApiPropertyOptional({ enum: ['given'] })
  @IsOptional()
  @IsIn(['given'], { message: 'status can only become given' })
  status?: 'given';

  @ApiPropertyOptional({ description: "The customer's reaction, in their words where possible" })
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 2000, { message: 'reaction must be 1 to 2000 characters' })
  reaction?: string;

  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 2000, { message: 'note must be 1 to 2000 characters' })
  note?: string;

  @Cost()
  costCents?: number | null;
}
