import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CLIENT_ID_MESSAGE, CLIENT_ID_PATTERN } from '../../common/ids';
import { trim } from '../../common/transforms';
import type { NewVisit, VisitOutcome, VisitReason } from '../../realtime/contract';

export const VISIT_REASONS: VisitReason[] = ['repair', 'return', 'question', 'purchase', 'pickup', 'other'];
export const VISIT_OUTCOMES: VisitOutcome[] = ['solved', 'repair', 'follow_up', 'browsing'];

export class NewVisitDto implements NewVisit {
  @ApiProperty({ description: 'Made once per draft; sending the same draft again stores one visit' })
  @Matches(CLIENT_ID_PATTERN, { message: CLIENT_ID_MESSAGE })
  clientId!: string;

  @ApiProperty()
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId!: string;

  @ApiPropertyOptional({ description: 'Only for staff who do not belong to a store' })
  @IsOptional()
  @IsUUID('all', { message: 'storeId must be a store id' })
  storeId?: string;

  @ApiProperty({ enum: VISIT_REASONS, isArray: true })
  @IsArray()
  @ArrayMaxSize(VISIT_REASONS.length)
  @ArrayUnique()
  @IsIn(VISIT_REASONS, { each: true, message: `reasons must be among ${VISIT_REASONS.join(', ')}` })
  reasons!: VisitReason[];

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  reasonText?: string;

  @ApiPropertyOptional({ description: 'What was done' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  actions?: string;

  @ApiProperty({ enum: VISIT_OUTCOMES })
  @IsIn(VISIT_OUTCOMES, { message: `outcome must be one of ${VISIT_OUTCOMES.join(', ')}` })
  outcome!: VisitOutcome;

  @ApiPropertyOptional({ type: [String], description: 'Uploaded with POST /api/chat/images' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'imageIds must be image ids' })
  imageIds?: string[];

  @ApiPropertyOptional({ description: 'For the service team; required when the outcome is follow_up' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  followUpNote?: string;
}

export class TodayQuery {
  @ApiPropertyOptional({ description: 'Only for staff who do not belong to a store' })
  @IsOptional()
  @IsUUID('all', { message: 'storeId must be a store id' })
  storeId?: string;
}
