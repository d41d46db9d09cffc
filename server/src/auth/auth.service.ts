import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { consumeOrThrow } from '../common/rate-limit';
import { LessThan, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Transactor } from '../database/transactor';
import { RealtimeService } from '../realtime/realtime.service';
import { Staff } from '../staff/staff.entity';
import { AuthErrors } from './auth.errors';
import { hashPassword, verifyPassword } from './password';
import { Session } from './session.entity';

const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** Counts failed sign-ins per client address; staff behind one shop's NAT who type correctly are never blocked. */
  private readonly failures: RateLimiterMemory;
  /** A wider cap per address alone, against one client trying many accounts. */
  private readonly addressFailures: RateLimiterMemory;
  /** Compared against when the email is unknown, so a wrong email takes as long as a wrong password. */
  private readonly decoyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(Staff) private readonly staff: Repository<Staff>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly tx: Transactor,
    private readonly realtime: RealtimeService,
  ) {
    this.failures = new RateLimiterMemory({ points: config.loginMaxFailures, duration: config.loginWindowSeconds });
    this.addressFailures = new RateLimiterMemory({ points: config.loginMaxFailures * 10, duration: config.loginWindowSeconds });
  }

  /** Returns the staff member and a new session token (for the cookie). */
  async login(email: string, password: string, clientKey: string): Promise<{ staff: Staff; token: string; expiresAt: Date }> {
    const normalized = email.trim().toLowerCase();
    const key = `${clientKey}|${normalized}`;
    // Every attempt takes its points before the (slow) password check, so guesses sent at once
    // cannot all slip under the limit; a correct sign-in gives them back.
    await consumeOrThrow(this.failures, key, AuthErrors.rateLimited);
    try {
      await consumeOrThrow(this.addressFailures, clientKey, AuthErrors.rateLimited);
    } catch (err) {
      await this.failures.reward(key, 1);
      throw err;
    }
    const staff = await this.staff.findOne({ where: { email: normalized }, relations: { store: true } });
    const ok = await verifyPassword(password, staff?.passwordHash ?? (await this.decoyHash));
    if (!staff || !ok) {
      this.logger.warn({ msg: 'Failed sign-in', clientKey });
      throw AuthErrors.invalidCredentials();
    }
    await this.failures.delete(key);
    await this.addressFailures.reward(clientKey, 1);
    if (!staff.active) throw AuthErrors.accountDisabled();

    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionDays * 86_400_000);
    await this.tx.run(async (m) => {
      await m.delete(Session, { expiresAt: LessThan(now) });
      await m.insert(Session, { tokenHash: hashToken(token), staffId: staff.id, expiresAt, lastSeenAt: now });
    });
    this.logger.log({ msg: 'Signed in', staffId: staff.id });
    return { staff, token, expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.tx.run((m) => m.delete(Session, { tokenHash: hashToken(token) }));
    this.realtime.disconnectSession(hashToken(token));
  }

  /** The active staff member behind a session token, or null. Checked on every request, so disabling bites at once. */
  async resolve(token: string): Promise<Staff | null> {
    const session = await this.sessions.findOne({ where: { tokenHash: hashToken(token) } });
    const now = Date.now();
    if (!session || session.expiresAt.getTime() <= now) return null;
    const staff = await this.staff.findOne({ where: { id: session.staffId }, relations: { store: true } });
    if (!staff?.active) return null;
    if (now - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
      const expiresAt = new Date(now + this.config.sessionDays * 86_400_000);
      await this.tx.run((m) => m.update(Session, { id: session.id }, { lastSeenAt: new Date(now), expiresAt }));
    }
    return staff;
  }
}
