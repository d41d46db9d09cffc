import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { toErrorBody } from './http-error.filter';
import { DomainError } from './domain-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Server-to-server callers that sign their requests instead of carrying cookies (WeChat). */
const NOT_FROM_BROWSERS = /^\/api\/wechat\//;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Whether a browser sent this request from another site. Browsers say so themselves: the
 * Fetch Metadata header `Sec-Fetch-Site`, and `Origin` on every cross-origin request and on
 * same-origin writes. A request with neither comes from a non-browser client (curl, a test, an
 * integration), which carries no victim's cookies, so it is not a forgery.
 */
export function isCrossSite(headers: IncomingHttpHeaders, host: string | undefined): boolean {
  const site = first(headers['sec-fetch-site']);
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = first(headers.origin);
  if (!origin) return false;
  if (!host) return true;
  try {
    return new URL(origin).host.toLowerCase() !== host.toLowerCase();
  } catch {
    return true; // 'null' (a sandboxed frame, a file) or garbage: not us.
  }
}

/** The host the browser addressed: the proxy's when the app sits behind a trusted one. */
function requestHost(req: IncomingMessage, trustProxy: boolean): string | undefined {
  return (trustProxy && first(req.headers['x-forwarded-host'])?.split(',')[0].trim()) || first(req.headers.host);
}

/**
 * CSRF protection for the cookie sessions (staff and forum), on top of SameSite=Lax: a write
 * (POST, PUT, PATCH, DELETE) that a browser sends from another site is refused with 403
 * `csrf.cross_site`, before any handler runs.
 */
export function sameOriginWrites(trustProxy: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || NOT_FROM_BROWSERS.test(req.path) || !isCrossSite(req.headers, requestHost(req, trustProxy))) return next();
    const error = new DomainError('csrf.cross_site', 403, 'This request came from another site and was refused. Open Hearth directly and try again.');
    res.status(403).json(toErrorBody(error));
  };
}

/** socket.io handshakes: a browser page on another site may not open a socket with our cookies. */
export function sameOriginSockets(trustProxy: boolean) {
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
    const crossSite = isCrossSite(req.headers, requestHost(req, trustProxy));
    callback(crossSite ? 'Cross-site connections are not allowed' : null, !crossSite);
  };
}
