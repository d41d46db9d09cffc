import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppMeta } from '../database/app-meta.entity';
import { UUID_PATTERN } from '../common/ids';

const SECRET_KEY = 'visitor_token_secret';

/**
 * Signed visitor tokens for the web chat: `v1.<visitorId>.<HMAC-SHA256>`. The secret is made once
 * per installation and kept in the database, so every server instance accepts the same tokens.
 * A token carries no personal data; it only says "this browser is visitor X".
 */
@Injectable()
export class VisitorTokens implements OnModuleInit {
  private secret?: Buffer;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit() {
    const repo = this.dataSource.getRepository(AppMeta);
    // INSERT-or-ignore then read, so two instances starting at once agree on one secret.
    await repo
      .createQueryBuilder()
      .insert()
      .into(AppMeta)
      .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') })
      .orIgnore()
      .execute();
    const row = await repo.findOneByOrFail({ key: SECRET_KEY });
    this.secret = Buffer.from(row.value, 'base64url');
  }

  issue(): { visitorId: string; token: string } {
    const visitorId = randomUUID();
    return { visitorId, token: `v1.${visitorId}.${this.sign(visitorId)}` };
  }

  /** The visitor id of a valid token, or null. */
  verify(token: unknown): string | null {
    if (typeof token !== 'string' || token.length > 200) return null;
    const [version, visitorId, signature, ...rest] = token.split('.');
    if (version !== 'v1' || rest.length || !visitorId || !UUID_PATTERN.test(visitorId) || visitorId !== visitorId.toLowerCase() || !signature) return null;
    const expected = Buffer.from(this.sign(visitorId));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected) ? visitorId : null;
  }

  private sign(visitorId: string): string {
    if (!this.secret) throw new Error('VisitorTokens used before the module initialised');
    return createHmac('sha256', this.secret).update(`visitor:${visitorId}`).digest('base64url');
  }
}
