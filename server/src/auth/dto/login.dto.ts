import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin@hearth.demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'hearth-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}
