import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { mergeMap, Observable } from 'rxjs';
import type { StaffRequest } from '../auth/auth.decorators';
import type { Staff } from '../staff/staff.entity';
import { AuditContext, AUDITED, AuditSpec } from './audited.decorator';
import { AuditService } from './audit.service';

/** Forum routes find their staff reader themselves (the forum is public); see ForumReaderGuard. */
type AuditedRequest = Request & StaffRequest & { forumReader?: { kind: string; staff?: Staff } };

const staffOf = (req: AuditedRequest): Staff | null => req.staff ?? (req.forumReader?.kind === 'staff' ? (req.forumReader.staff ?? null) : null);

/**
 * Global: writes the audit entry of an @Audited handler after it succeeded, before the answer goes
 * out. If the entry cannot be written the request fails: access that is not recorded is not given.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditSpec | undefined>(AUDITED, context.getHandler());
    if (!spec || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuditedRequest>();
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        const staff = staffOf(req);
        // Only staff actions are audited (a forum member's own writes are theirs, not staff access).
        if (staff) {
          const c: AuditContext = { params: (req.params ?? {}) as Record<string, string>, body: req.body as unknown, result };
          const targetId = spec.targetId ? spec.targetId(c) : spec.param ? c.params[spec.param] : null;
          await this.audit.record({
            staff,
            action: spec.action,
            target: spec.target ? { type: spec.target, id: targetId ?? null } : null,
            details: spec.details?.(c) ?? null,
            clientAddress: req.ip ?? null,
          });
        }
        return result;
      }),
    );
  }
}
