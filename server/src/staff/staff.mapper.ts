import { ApiProperty } from '@nestjs/swagger';
import { ROLES, Role, Staff } from './staff.entity';

export class StaffDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true }) storeId!: string | null;
  @ApiProperty({ type: String, nullable: true }) storeName!: string | null;
  @ApiProperty({ description: 'Fen per month for surprise gestures' }) monthlyGestureAllowanceCents!: number;
  @ApiProperty() createdAt!: string;
}

export class StaffResponse {
  @ApiProperty({ type: StaffDto }) staff!: StaffDto;
}

export class StaffListResponse {
  @ApiProperty({ type: [StaffDto] }) staff!: StaffDto[];
}

/** Never the password hash: entities do not leave the server raw. */
export function toStaffDto(staff: Staff): StaffDto {
  return {
    id: staff.id,
    email: staff.email,
    displayName: staff.displayName,
    role: staff.role,
    active: staff.active,
    storeId: staff.storeId,
    storeName: staff.store?.name ?? null,
    monthlyGestureAllowanceCents: staff.monthlyGestureAllowanceCents,
    createdAt: staff.createdAt.toISOString(),
  };
}
