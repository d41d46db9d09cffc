import type { CookieOptions } from 'express';
import type { AppConfig } from '../config/config';

export const SESSION_COOKIE = 'hearth_session';

/** httpOnly (no script can read it) and SameSite=Lax (not sent on cross-site posts). */
export function sessionCookieOptions(config: AppConfig, expires?: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/', expires };
}
