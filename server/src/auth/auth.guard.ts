import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '../staff/staff.entity';
import { IS_PUBLIC, ROLES_KEY, StaffRequest } from './auth.decorators';
import { AuthErrors } from './auth.errors';
import { AuthService } from './auth.service';
import { SESSION_COOKIE } from './session-cookie';

/** Global: every route needs a signed-in, active staff member unless marked @Public(); @Roles narrows it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<Request & StaffRequest>();
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    const staff = typeof token === 'string' && token ? await this.auth.resolve(token) : null;
    if (!staff) throw AuthErrors.required();
    req.staff = staff;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(staff.role)) throw AuthErrors.forbidden();
    return true;
  }
}
