import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role, Staff } from '../staff/staff.entity';

export const IS_PUBLIC = 'hearth:public';
export const ROLES_KEY = 'hearth:roles';

/** The route needs no staff session. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only staff with one of these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export type StaffRequest = { staff?: Staff; sessionTokenHash?: string };

/** The signed-in staff member (set by the auth guard). */
export const CurrentStaff = createParamDecorator((_data: unknown, ctx: ExecutionContext): Staff => {
  const staff = ctx.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw new Error('CurrentStaff used on a public route');
  return staff;
});
