import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuthService } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { ForumAccountsService, FORUM_COOKIE } from './accounts.service';
import { ANONYMOUS, ForumReader } from './forum-reader';

type ForumRequest = Request & { forumReader?: ForumReader };

const cookie = (req: Request, name: string): string | null => {
  const value: unknown = req.cookies?.[name];
  return typeof value === 'string' && value ? value : null;
};

/**
 * Every forum route is public; this finds out who is reading: the desk's staff session first (staff
 * post as staff), then the forum account's cookie. Nobody signed in is a reader too.
 */
@Injectable()
export class ForumReaderGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: ForumAccountsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<ForumRequest>();
    req.forumReader = await this.resolve(req);
    return true;
  }

  private async resolve(req: Request): Promise<ForumReader> {
    const staffToken = cookie(req, SESSION_COOKIE);
    const staff = staffToken ? await this.auth.resolve(staffToken) : null;
    if (staff) return { kind: 'staff', staff };
    const memberToken = cookie(req, FORUM_COOKIE);
    const member = memberToken ? await this.accounts.resolveSession(memberToken) : null;
    return member ? { kind: 'member', member } : ANONYMOUS;
  }
}

/** The reader ForumReaderGuard found. */
export const Reader = createParamDecorator((_data: unknown, ctx: ExecutionContext): ForumReader => {
  const reader = ctx.switchToHttp().getRequest<ForumRequest>().forumReader;
  if (!reader) throw new Error('Reader used without ForumReaderGuard');
  return reader;
});

/** The forum session token of this request (for signing out), or null. */
export const ForumToken = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | null =>
  cookie(ctx.switchToHttp().getRequest<Request>(), FORUM_COOKIE),
);
