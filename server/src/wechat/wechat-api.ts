import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';

/** WeChat's answer: errcode 0 (or absent) is success. */
export type WeChatResult = { errcode: number; errmsg: string };

/** WeChat could not be reached or answered with something that is not its JSON (retry later). */
export class WeChatUnreachable extends Error {}

/** The access token is invalid or expired: fetch a new one and try once more. */
export const TOKEN_ERRORS: ReadonlySet<number> = new Set([40001, 40014, 42001]);

const TIMEOUT_MS = 10_000;

/**
 * The two WeChat API calls Hearth makes, against the configured base URL. URLs carry the secret or
 * the access token, so they are never logged.
 */
@Injectable()
export class WeChatApi {
  private readonly base: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.base = config.wechat.apiBase;
  }

  async fetchToken(appId: string, secret: string): Promise<{ accessToken: string; expiresIn: number } | WeChatResult> {
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret });
    const body = await this.call(`${this.base}/cgi-bin/token?${query}`, { method: 'GET' });
    if (typeof body.access_token === 'string' && body.access_token.length <= 512) {
      return { accessToken: body.access_token, expiresIn: Number(body.expires_in) || 7200 };
    }
    return toResult(body);
  }

  /** Customer Service Message API: `message` is `{ touser, msgtype, … }`. */
  async send(accessToken: string, message: Record<string, unknown>): Promise<WeChatResult> {
    const url = `${this.base}/cgi-bin/message/custom/send?access_token=${encodeURIComponent(accessToken)}`;
    return toResult(await this.call(url, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(message) }));
  }

  private async call(url: string, init: RequestInit): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      throw new WeChatUnreachable(err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : 'request failed');
    }
    const text = await res.text().catch(() => '');
    try {
      const body: unknown = JSON.parse(text);
      if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
    } catch {
      // Not JSON: a proxy's error page, a restart. Retried like a network error.
    }
    throw new WeChatUnreachable(`HTTP ${res.status} without a WeChat answer`);
  }
}

function toResult(body: Record<string, unknown>): WeChatResult {
  const errcode = Number(body.errcode ?? 0);
  return { errcode: Number.isFinite(errcode) ? errcode : -1, errmsg: String(body.errmsg ?? '').slice(0, 120) };
}
