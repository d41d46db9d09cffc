import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RateLimits, SignInLimiter } from '../common/rate-limit';
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
  /** Failed sign-ins per client address and account; staff behind one shop's NAT who type correctly are never blocked. */
  private readonly failures: SignInLimiter;
  /** Compared against when the email is unknown, so a wrong email takes as long as a wrong password. */
  private readonly decoyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(Staff) private readonly staff: Repository<Staff>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly tx: Transactor,
    private readonly realtime: RealtimeService,
    limits: RateLimits,
  ) {
    this.failures = new SignInLimiter(limits, 'staff:sign-in', config.loginMaxFailures, config.loginWindowSeconds);
  }

  /** Returns the staff member and a new session token (for the cookie). */
  async login(email: string, password: string, clientKey: string): Promise<{ staff: Staff; token: string; expiresAt: Date }> {
    const normalized = email.trim().toLowerCase();
    await this.failures.attempt(clientKey, normalized, AuthErrors.rateLimited);
    const staff = await this.staff.findOne({ where: { email: normalized }, relations: { store: true } });
    const ok = await verifyPassword(password, staff?.passwordHash ?? (await this.decoyHash));
    if (!staff || !ok) {
      this.logger.warn({ msg: 'Failed sign-in', clientKey });
      throw AuthErrors.invalidCredentials();
    }
    await this.failures.succeeded(clientKey, normalized);
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
