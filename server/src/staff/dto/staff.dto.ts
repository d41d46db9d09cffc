import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { trim, trimLower } from '../../common/transforms';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, Max, Min, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, Role } from '../staff.entity';

export class CreateStaffDto {
  @ApiProperty({ example: 'li.na@hearth.demo' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: '李娜' })
  @Transform(trim)
  @IsString()
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters' })
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @Length(8, 200, { message: 'password must be 8 to 200 characters' })
  password!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Required for store staff' })
  @IsOptional()
  @IsUUID('all', { message: 'storeId must be a store id' })
  storeId?: string | null;
}

export class UpdateStaffDto {
  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 100, { message: 'displayName must be 1 to 100 characters' })
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'storeId must be a store id' })
  storeId?: string | null;

  @ApiPropertyOptional({ description: 'false disables the account and signs it out everywhere' })
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Fen (¥1 = 100) to spend on surprise gestures each month without approval' })
  @ValidateIf((_, v) => v !== undefined)
  @IsInt({ message: 'monthlyGestureAllowanceCents must be a whole number of fen' })
  @Min(0, { message: 'monthlyGestureAllowanceCents cannot be negative' })
  @Max(10_000_000, { message: 'monthlyGestureAllowanceCents can be at most 10000000 (¥100,000)' })
  monthlyGestureAllowanceCents?: number;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: 8 })
  @IsString()
  @Length(8, 200, { message: 'password must be 8 to 200 characters' })
  password!: string;
}
