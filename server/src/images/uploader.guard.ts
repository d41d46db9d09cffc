import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuthService } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { VisitorTokens } from '../chat/visitor-tokens';
import { ImageErrors } from './images.errors';
import type { Uploader } from './images.service';
import { UploadLimiter } from './upload-limiter';

export const VISITOR_TOKEN_HEADER = 'X-Visitor-Token';

type UploaderRequest = Request & { uploader?: Uploader };

/**
 * Who may upload: a signed-in staff member (session cookie) or a web-chat visitor (signed token in
 * X-Visitor-Token). The route is @Public() for the global staff guard; this guard does the check.
 * Rate limiting happens here too, so a refused request is answered before multer reads its body.
 */
@Injectable()
export class UploaderGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly visitors: VisitorTokens,
    private readonly limiter: UploadLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<UploaderRequest>();
    const uploader = await this.identify(req);
    await this.limiter.consume(uploader, req.ip ?? 'unknown');
    req.uploader = uploader;
    return true;
  }

  private async identify(req: UploaderRequest): Promise<Uploader> {
    // A visitor token wins over a staff cookie in the same browser: the chat page sent it, so the
    // image is for the visitor's conversation. A bad token is refused, not ignored.
    const visitorToken = req.get(VISITOR_TOKEN_HEADER);
    if (visitorToken !== undefined) {
      const visitorId = this.visitors.verify(visitorToken);
      if (!visitorId) throw ImageErrors.invalidVisitorToken();
      return { type: 'visitor', id: visitorId };
    }
    const session: unknown = req.cookies?.[SESSION_COOKIE];
    const staff = typeof session === 'string' && session ? await this.auth.resolve(session) : null;
    if (!staff) throw ImageErrors.unauthenticated();
    return { type: 'staff', id: staff.id };
  }
}

/** The uploader UploaderGuard identified. */
export const CurrentUploader = createParamDecorator((_data: unknown, ctx: ExecutionContext): Uploader => {
  const uploader = ctx.switchToHttp().getRequest<UploaderRequest>().uploader;
  if (!uploader) throw new Error('CurrentUploader used without UploaderGuard');
  return uploader;
});
