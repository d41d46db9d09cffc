import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { CLIENT_ID_MESSAGE, CLIENT_ID_PATTERN } from '../../common/ids';
import { trim, trimLower } from '../../common/transforms';
import {
  FORUM_BOARD_KINDS,
  FORUM_FEEDBACK_STATUSES,
  type ForumBoardKind,
  type ForumFeedbackStatus,
  type ForumRegistration,
  type NewForumPost,
  type NewForumThread,
} from '../../realtime/contract';

export const USERNAME_PATTERN = /^[a-z0-9_]{3,20}$/;
export const MAX_POST_CHARS = 10_000;
// eslint-disable-next-line no-control-regex
const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;
const SOMETHING = /\S/;
const POST_ID = /^\d{1,10}$/;

export class RegistrationDto implements ForumRegistration {
  @ApiProperty({ example: 'xiaoming_88', description: '3–20 of a–z, 0–9 and _ (stored lower-case)' })
  @Transform(trimLower)
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'username must be 3 to 20 letters (a–z), digits or _' })
  username!: string;

  @ApiProperty({ minLength: 8, maxLength: 200 })
  @IsString()
  @Length(8, 200, { message: 'password must be 8 to 200 characters' })
  password!: string;

  @ApiPropertyOptional({ example: '小明', description: 'Shown on posts (defaults to the username)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 30, { message: 'displayName must be 1 to 30 characters' })
  @Matches(ONE_LINE, { message: 'displayName must be one line' })
  displayName?: string;

  @ApiPropertyOptional({ example: '138 1234 5678', description: 'Mainland mobile or +country number' })
  @IsOptional()
  @IsString()
  @MaxLength(40, { message: 'phone is too long' })
  phone?: string;
}

export class SignInDto {
  @ApiProperty()
  @Transform(trimLower)
  @IsString()
  @Length(1, 40, { message: 'username must be 1 to 40 characters' })
  username!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200, { message: 'password must be 1 to 200 characters' })
  password!: string;
}

export class UpdateMeDto {
  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 30, { message: 'displayName must be 1 to 30 characters' })
  @Matches(ONE_LINE, { message: 'displayName must be one line' })
  displayName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null (or empty) clears it' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString()
  @MaxLength(40, { message: 'phone is too long' })
  phone?: string | null;

  @ApiPropertyOptional({ description: 'Needed with newPassword' })
  @ValidateIf((o: UpdateMeDto, v) => v !== undefined || o.newPassword !== undefined)
  @IsString({ message: 'currentPassword is needed to set a new password' })
  @MaxLength(200)
  currentPassword?: string;

  @ApiPropertyOptional({ minLength: 8, maxLength: 200 })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @Length(8, 200, { message: 'newPassword must be 8 to 200 characters' })
  newPassword?: string;
}

export class BoardDto {
  @ApiProperty({ example: 'help', description: '2–32 of a–z, 0–9 and -; never changes' })
  @Transform(trimLower)
  @IsString()
  @Matches(/^[a-z0-9-]{2,32}$/, { message: 'slug must be 2 to 32 letters (a–z), digits or -' })
  slug!: string;

  @ApiProperty({ example: '使用求助' })
  @Transform(trim)
  @IsString()
  @Length(1, 40, { message: 'name must be 1 to 40 characters' })
  @Matches(ONE_LINE, { message: 'name must be one line' })
  name!: string;

  @ApiPropertyOptional({ default: '' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200, { message: 'description can be at most 200 characters' })
  description?: string;

  @ApiProperty({ enum: FORUM_BOARD_KINDS })
  @IsIn(FORUM_BOARD_KINDS, { message: `kind must be one of ${FORUM_BOARD_KINDS.join(', ')}` })
  kind!: ForumBoardKind;

  @ApiPropertyOptional({ description: 'Order in the list (after the others when left out)' })
  @IsOptional()
  @IsInt({ message: 'position must be a whole number' })
  @Min(0)
  @Max(10_000)
  position?: number;
}

export class BoardUpdateDto {
  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 40, { message: 'name must be 1 to 40 characters' })
  @Matches(ONE_LINE, { message: 'name must be one line' })
  name?: string;

  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @MaxLength(200, { message: 'description can be at most 200 characters' })
  description?: string;

  @ApiPropertyOptional({ enum: FORUM_BOARD_KINDS })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(FORUM_BOARD_KINDS, { message: `kind must be one of ${FORUM_BOARD_KINDS.join(', ')}` })
  kind?: ForumBoardKind;

  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @IsInt({ message: 'position must be a whole number' })
  @Min(0)
  @Max(10_000)
  position?: number;

  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean({ message: 'archived must be true or false' })
  archived?: boolean;
}

export class BoardsQueryDto {
  @ApiPropertyOptional({ description: 'Admins: archived boards too' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'all must be true or false' })
  all?: 'true' | 'false';
}

export class ThreadsQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  before?: string;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(50)
  limit?: number;
}

export class PostsQueryDto {
  @ApiPropertyOptional({ description: 'The id of the last post you have' })
  @IsOptional()
  @Matches(POST_ID, { message: 'after must be a post id' })
  after?: string;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(50)
  limit?: number;
}

/** A post's Markdown. */
const PostBody = () =>
  applyDecorators(
    ApiProperty({ description: `Markdown, up to ${MAX_POST_CHARS} characters; images as ![](/api/chat/images/<id>)` }),
    IsString(),
    MaxLength(MAX_POST_CHARS, { message: `body can be at most ${MAX_POST_CHARS} characters` }),
    Matches(SOMETHING, { message: 'body: write something first' }),
  );

export class NewThreadDto implements NewForumThread {
  @ApiProperty()
  @IsUUID('all', { message: 'boardId must be a board id' })
  boardId!: string;

  @ApiProperty({ example: '手机充不进电怎么办？' })
  @Transform(trim)
  @IsString()
  @Length(4, 80, { message: 'title must be 4 to 80 characters' })
  @Matches(ONE_LINE, { message: 'title must be one line' })
  title!: string;

  @PostBody()
  body!: string;

  @ApiProperty({ description: 'Made once per composer; submitting again is the same thread' })
  @Matches(CLIENT_ID_PATTERN, { message: CLIENT_ID_MESSAGE })
  clientId!: string;
}

export class NewPostDto implements NewForumPost {
  @PostBody()
  body!: string;

  @ApiProperty({ description: 'Made once per composer; submitting again is the same post' })
  @Matches(CLIENT_ID_PATTERN, { message: CLIENT_ID_MESSAGE })
  clientId!: string;
}

export class PreviewDto {
  @ApiProperty()
  @IsString()
  @MaxLength(MAX_POST_CHARS, { message: `body can be at most ${MAX_POST_CHARS} characters` })
  body!: string;
}

export class SolutionDto {
  @ApiProperty({ description: 'A visible reply in this thread' })
  @Matches(POST_ID, { message: 'postId must be a post id' })
  postId!: string;
}

export class StatusDto {
  @ApiProperty({ enum: FORUM_FEEDBACK_STATUSES })
  @IsIn(FORUM_FEEDBACK_STATUSES, { message: `status must be one of ${FORUM_FEEDBACK_STATUSES.join(', ')}` })
  status!: ForumFeedbackStatus;

  @ApiPropertyOptional({ description: 'For the participants (up to 500 characters)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500, { message: 'note can be at most 500 characters' })
  note?: string;
}

export class HideDto {
  @ApiProperty({ example: '广告' })
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'reason must be 1 to 200 characters' })
  reason!: string;
}
