import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { trim } from '../../common/transforms';

const APP_ID = /^wx[0-9a-zA-Z]{16}$/;
const SECRET = /^[0-9a-zA-Z]{1,128}$/;
/** WeChat's own rule for the Token: 3–32 letters or digits. */
const TOKEN = /^[0-9a-zA-Z]{3,32}$/;
const AES_KEY = /^[0-9a-zA-Z]{43}$/;

const messages = {
  name: 'name must be 1 to 60 characters',
  appId: 'appId must be "wx" followed by 16 letters or digits',
  appSecret: 'appSecret must be up to 128 letters or digits',
  token: 'token must be 3 to 32 letters or digits',
  encodingAesKey: 'encodingAesKey must be 43 letters or digits',
};

export class CreateWeChatChannelDto {
  @ApiProperty({ example: 'Hearth 服务号', maxLength: 60 })
  @Transform(trim)
  @IsString()
  @Length(1, 60, { message: messages.name })
  name!: string;

  @ApiProperty({ example: 'wx5f3c2a1b9d8e7f60', description: 'Unique: one connection per account. Cannot be changed later.' })
  @Transform(trim)
  @IsString()
  @Matches(APP_ID, { message: messages.appId })
  appId!: string;

  @ApiProperty({ description: 'Never returned after saving' })
  @Transform(trim)
  @IsString()
  @Matches(SECRET, { message: messages.appSecret })
  appSecret!: string;

  @ApiProperty({ description: "The Token set on WeChat's server configuration page. Never returned after saving." })
  @Transform(trim)
  @IsString()
  @Matches(TOKEN, { message: messages.token })
  token!: string;

  @ApiPropertyOptional({ description: 'Set for safe (encrypted) mode; leave out for plain mode. Never returned after saving.' })
  @ValidateIf((_, v) => v !== undefined && v !== null && v !== '')
  @Transform(trim)
  @IsString()
  @Matches(AES_KEY, { message: messages.encodingAesKey })
  encodingAesKey?: string | null;
}

/** Any subset; a secret left out keeps its value. `encodingAesKey: null` or `''` switches to plain mode. */
export class UpdateWeChatChannelDto {
  @ApiPropertyOptional({ maxLength: 60 })
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 60, { message: messages.name })
  name?: string;

  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @Matches(SECRET, { message: messages.appSecret })
  appSecret?: string;

  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @Matches(TOKEN, { message: messages.token })
  token?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: "null or '' (as create takes it): plain mode" })
  @ValidateIf((_, v) => v !== undefined && v !== null && v !== '')
  @Transform(trim)
  @IsString()
  @Matches(AES_KEY, { message: messages.encodingAesKey })
  encodingAesKey?: string | null;

  @ApiPropertyOptional({ description: 'false disconnects the account: callbacks are refused and no reply goes out' })
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
