import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';

/** WeChat's answer: errcode 0 (or absent) is success. */
export type WeChatResult = { errcode: number; errmsg: string };

/**
 * WeChat certainly never got the request: the name did not resolve, the connection was refused or
 * not made in time, the TLS handshake failed. Safe to try again later.
 */
export class WeChatUnreachable extends Error {}

/**
 * The request reached WeChat (the connection was made and the request written) but no WeChat
 * answer came back: a timeout, a dropped connection, a proxy's error page. WeChat may have
 * delivered the message, so sending it again could show it twice.
 */
export class WeChatNoAnswer extends Error {}

/** The access token is invalid or expired: fetch a new one and try once more. */
export const TOKEN_ERRORS: ReadonlySet<number> = new Set([40001, 40014, 42001]);

const CONNECT_TIMEOUT_MS = 5_000;
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * The two WeChat API calls Hearth makes, against the configured base URL. URLs carry the secret or
 * the access token, so they are never logged (nor put in an error message).
 *
 * Plain node:http(s) rather than fetch, to know whether a failed request reached WeChat: only
 * failures before the connection was made are retried by the outbox.
 */
@Injectable()
export class WeChatApi {
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.base = config.wechat.apiBase;
    this.timeoutMs = config.wechat.apiTimeoutMs;
  }

  /** A failed token request is always worth another try (fetching a token twice does no harm to a customer). */
  async fetchToken(appId: string, secret: string): Promise<{ accessToken: string; expiresIn: number } | WeChatResult> {
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret });
    let body: Record<string, unknown>;
    try {
      body = await this.call(`${this.base}/cgi-bin/token?${query}`, 'GET');
    } catch (err) {
      throw err instanceof WeChatNoAnswer ? new WeChatUnreachable(err.message) : err;
    }
    if (typeof body.access_token === 'string' && body.access_token.length > 0 && body.access_token.length <= 512) {
      return { accessToken: body.access_token, expiresIn: Number(body.expires_in) || 7200 };
    }
    return toResult(body);
  }

  /** Customer Service Message API: `message` is `{ touser, msgtype, … }`. Throws WeChatUnreachable or WeChatNoAnswer. */
  async send(accessToken: string, message: Record<string, unknown>): Promise<WeChatResult> {
    const url = `${this.base}/cgi-bin/message/custom/send?access_token=${encodeURIComponent(accessToken)}`;
    return toResult(await this.call(url, 'POST', JSON.stringify(message)));
  }

  private call(url: string, method: 'GET' | 'POST', payload?: string): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const body = payload === undefined ? undefined : Buffer.from(payload, 'utf8');
      // Set once the connection (and on https the TLS handshake) is made: from then on the request may reach WeChat.
      let connected = false;
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const done = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const fail = (why: string) => done(() => reject(connected ? new WeChatNoAnswer(why) : new WeChatUnreachable(why)));

      const req = (secure ? https : http).request(target, {
        method,
        // A fresh connection each time: a reused one could fail after the request went out.
        agent: false,
        headers: body ? { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length } : {},
      });
      timer = setTimeout(() => {
        fail('could not connect in time');
        req.destroy();
      }, Math.min(CONNECT_TIMEOUT_MS, this.timeoutMs));
      req.on('socket', (socket: Socket) => {
        const onConnected = () => {
          connected = true;
          clearTimeout(timer);
          timer = setTimeout(() => {
            fail('no answer in time');
            req.destroy();
          }, this.timeoutMs);
        };
        // A socket handed over already connected does not emit again.
        if (!socket.connecting && !secure) onConnected();
        else socket.once(secure ? 'secureConnect' : 'connect', onConnected);
      });
      req.on('error', (err: NodeJS.ErrnoException) => fail(describe(err)));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
        });
        res.on('error', (err: NodeJS.ErrnoException) => fail(describe(err)));
        res.on('aborted', () => fail('the connection was dropped during the answer'));
        res.on('end', () => {
          try {
            const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
              done(() => resolve(parsed as Record<string, unknown>));
              return;
            }
          } catch {
            // Not JSON: a proxy's error page, a restart.
          }
          fail(`HTTP ${res.statusCode} without a WeChat answer`);
        });
      });
      req.end(body);
    });
  }
}

/** The error's code and message, never the URL (it carries the secret or the token). */
function describe(err: NodeJS.ErrnoException): string {
  const text = `${err.code ?? err.name}: ${err.message}`;
  return text.replace(/(access_token|secret)=[^&\s]*/g, '$1=…').slice(0, 160);
}

function toResult(body: Record<string, unknown>): WeChatResult {
  const errcode = Number(body.errcode ?? 0);
  return { errcode: Number.isFinite(errcode) ? errcode : -1, errmsg: String(body.errmsg ?? '').slice(0, 120) };
}
