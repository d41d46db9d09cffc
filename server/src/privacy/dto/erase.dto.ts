import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class EraseCustomerDto {
  @ApiProperty({ description: "The customer's current display name, typed by the admin to confirm" })
  @IsString()
  @MaxLength(100)
  confirmName!: string;
}
