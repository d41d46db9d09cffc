import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumeOrThrow, RateLimits, SignInLimiter } from '../common/rate-limit';
import { DataSource, EntityManager, IsNull, LessThan, Not } from 'typeorm';
import { hashToken } from '../auth/auth.service';
import { hashPassword, verifyPassword } from '../auth/password';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Customer } from '../customers/customer.entity';
import { Identity } from '../customers/identity.entity';
import { MergeHooks } from '../customers/merge-hooks';
import { normalizePhone } from '../customers/phone';
import { isUniqueViolation } from '../database/errors';
import { rawSql } from '../database/raw-sql';
import { Transactor } from '../database/transactor';
import type { TimelineEvent } from '../realtime/contract';
import type { Staff } from '../staff/staff.entity';
import { TimelineService } from '../timeline/timeline.service';
import { ForumMemberEntity, ForumSessionEntity } from './entities';
import { ForumErrors } from './forum.errors';

export const FORUM_COOKIE = 'hearth_forum';
/** The identity channel of forum accounts (external id: the username). */
export const FORUM_CHANNEL = 'forum';

const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

export type NewMember = { username: string; password: string; displayName?: string; phone?: string | null };
export type MemberChanges = { displayName?: string; phone?: string | null; currentPassword?: string; newPassword?: string };
export type SignedIn = { member: ForumMemberEntity; token: string; expiresAt: Date };

/**
 * Forum accounts. Each is an identity (`forum`, username) of a customer made for it, so everything
 * the member writes lands on one timeline. A phone that already belongs to another customer is
 * never linked: the desk gets a suggestion to check and merge (as with web-chat visitors).
 */
@Injectable()
export class ForumAccountsService implements OnModuleInit {
  private readonly logger = new Logger(ForumAccountsService.name);
  private readonly registrations: RateLimiterAbstract;
  /** Failed sign-ins per address and username, and (wider) per address alone. */
  private readonly failures: SignInLimiter;
  /** Compared against for an unknown username, so it takes as long as a wrong password. */
  private readonly decoyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly tx: Transactor,
    private readonly timeline: TimelineService,
    private readonly mergeHooks: MergeHooks,
    limits: RateLimits,
  ) {
    this.registrations = limits.create('forum:registrations', config.forum.registrationsPerHour, 3600);
    this.failures = new SignInLimiter(limits, 'forum:sign-in', config.loginMaxFailures, config.loginWindowSeconds);
  }

  onModuleInit() {
    // The account's identity moves with a merge; the account follows it to the surviving customer.
    this.mergeHooks.register(async (m, fromId, intoId) => {
      await rawSql(m, 'UPDATE forum_members SET customer_id = $1 WHERE customer_id = $2', [intoId, fromId]);
    });
  }

  /** `POST /api/forum/accounts`: a new account, signed in. Only accounts actually made count against the address's limit. */
  async register(input: NewMember, address: string): Promise<SignedIn> {
    // The point is taken first (atomically), so requests sent at once cannot all pass a check;
    // one that makes no account (a taken name, bad input) gives it back.
    await consumeOrThrow(this.registrations, address, ForumErrors.registrationsRateLimited);
    let member: ForumMemberEntity;
    try {
      member = await this.createMember(input);
    } catch (err) {
      await this.registrations.reward(address, 1);
      throw err;
    }
    return this.startSession(member);
  }

  /**
   * Makes the customer, its `forum` identity and the account in one transaction (no rate limit: the
   * demo seed calls this too, with the time the account was made).
   */
  async createMember(input: NewMember, at = new Date()): Promise<ForumMemberEntity> {
    const username = input.username.trim().toLowerCase();
    const displayName = input.displayName?.trim() || username;
    const phone = this.phoneOrNull(input.phone);
    const passwordHash = await hashPassword(input.password);
    const { member, events } = await this.guardUsername(() =>
      this.tx.run(async (m) => {
        if ((await m.existsBy(ForumMemberEntity, { username })) || (await m.existsBy(Identity, { channel: FORUM_CHANNEL, externalId: username }))) {
          throw ForumErrors.usernameTaken();
        }
        const other = phone ? await this.phoneOwner(m, phone) : null;
        const customer = await m.save(m.create(Customer, { displayName, phone: other ? null : phone, origin: `${FORUM_CHANNEL}:${username}` }));
        await m.save(m.create(Identity, { customerId: customer.id, channel: FORUM_CHANNEL, externalId: username, displayName }));
        const member = await m.save(
          m.create(ForumMemberEntity, { username, displayName, passwordHash, phone, customerId: customer.id, seniorFanSince: null, seniorFanBy: null, createdAt: at }),
        );
        const events = other ? await this.suggestLink(m, customer.id, other, phone!, username) : [];
        return { member, events };
      }),
    );
    for (const event of events) this.timeline.publish(event);
    this.logger.log({ msg: 'Forum account made', memberId: member.id, customerId: member.customerId });
    return member;
  }

  async signIn(usernameInput: string, password: string, address: string): Promise<SignedIn> {
    const username = usernameInput.trim().toLowerCase();
    await this.failures.attempt(address, username, ForumErrors.signInRateLimited);
    const member = await this.dataSource.manager.findOneBy(ForumMemberEntity, { username });
    const ok = await verifyPassword(password, member?.passwordHash ?? (await this.decoyHash));
    if (!member || !ok) {
      this.logger.warn({ msg: 'Failed forum sign-in', address });
      throw ForumErrors.invalidCredentials();
    }
    await this.failures.succeeded(address, username);
    return this.startSession(member);
  }

  async signOut(token: string): Promise<void> {
    await this.tx.run((m) => m.delete(ForumSessionEntity, { tokenHash: hashToken(token) }));
  }

  /** The member behind a forum session token, or null (unknown or expired). */
  async resolveSession(token: string): Promise<ForumMemberEntity | null> {
    const m = this.dataSource.manager;
    const session = await m.findOneBy(ForumSessionEntity, { tokenHash: hashToken(token) });
    const now = Date.now();
    if (!session || session.expiresAt.getTime() <= now) return null;
    const member = await m.findOneBy(ForumMemberEntity, { id: session.memberId });
    if (member && now - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
      const expiresAt = new Date(now + this.config.sessionDays * 86_400_000);
      await this.tx.run((t) => t.update(ForumSessionEntity, { id: session.id }, { lastSeenAt: new Date(now), expiresAt }));
    }
    return member;
  }

  /**
   * A member's own changes. The customer's name and phone follow only while the customer is the
   * record this account made (not merged with other history); a phone of someone else's is a
   * suggestion for the desk. A new password signs out the member's other browsers.
   */
  async update(member: ForumMemberEntity, changes: MemberChanges, currentToken: string | null): Promise<ForumMemberEntity> {
    const phone = changes.phone === undefined ? undefined : this.phoneOrNull(changes.phone);
    if (changes.newPassword !== undefined && !(await verifyPassword(changes.currentPassword ?? '', member.passwordHash))) {
      throw ForumErrors.wrongPassword();
    }
    const passwordHash = changes.newPassword !== undefined ? await hashPassword(changes.newPassword) : undefined;
    const events = await this.tx.run(async (m) => {
      const events: TimelineEvent[] = [];
      const customerId = await this.customerOf(m, member.id);
      const customer = await m.findOneByOrFail(Customer, { id: customerId });
      const ownRecord = customer.origin === `${FORUM_CHANNEL}:${member.username}`;
      if (changes.displayName !== undefined && changes.displayName !== member.displayName) {
        await m.update(ForumMemberEntity, { id: member.id }, { displayName: changes.displayName });
        await m.update(Identity, { channel: FORUM_CHANNEL, externalId: member.username }, { displayName: changes.displayName });
        if (ownRecord) await m.update(Customer, { id: customerId }, { displayName: changes.displayName });
      }
      if (phone !== undefined && phone !== member.phone) {
        await m.update(ForumMemberEntity, { id: member.id }, { phone });
        events.push(...(await this.applyPhone(m, member, customer, ownRecord, phone)));
      }
      if (passwordHash) {
        await m.update(ForumMemberEntity, { id: member.id }, { passwordHash });
        const keep = currentToken ? hashToken(currentToken) : '';
        await m.delete(ForumSessionEntity, { memberId: member.id, tokenHash: Not(keep) });
      }
      return events;
    });
    for (const event of events) this.timeline.publish(event);
    return this.dataSource.manager.findOneByOrFail(ForumMemberEntity, { id: member.id });
  }

  /** Staff acknowledge (or stop acknowledging) a senior fan. Setting it again keeps the first date. */
  async setSeniorFan(staff: Staff, username: string, fan: boolean, at = new Date()): Promise<ForumMemberEntity> {
    const member = await this.byUsername(username);
    if (fan !== !!member.seniorFanSince) {
      await this.tx.run((m) =>
        m.update(ForumMemberEntity, { id: member.id }, fan ? { seniorFanSince: at, seniorFanBy: staff.id } : { seniorFanSince: null, seniorFanBy: null }),
      );
      this.logger.log({ msg: fan ? 'Senior fan marked' : 'Senior fan unmarked', memberId: member.id, by: staff.id });
    }
    return this.byUsername(username);
  }

  async byUsername(username: string): Promise<ForumMemberEntity> {
    const member = await this.dataSource.manager.findOneBy(ForumMemberEntity, { username: username.trim().toLowerCase() });
    if (!member) throw ForumErrors.memberNotFound();
    return member;
  }

  /**
   * The customer a member's writing belongs to now, read inside the writing transaction: locked on
   * PostgreSQL against a merge committing meanwhile (which holds it for update), then followed to
   * where a merge put it.
   */
  async customerOf(m: EntityManager, memberId: string): Promise<string> {
    const lock = m.connection.options.type === 'postgres' ? ' FOR SHARE OF c' : '';
    const [row] = await rawSql<{ id: string; merged_into_id: string | null }[]>(
      m,
      `SELECT c.id, c.merged_into_id FROM forum_members f JOIN customers c ON c.id = f.customer_id WHERE f.id = $1${lock}`,
      [memberId],
    );
    if (!row) throw ForumErrors.memberNotFound();
    return row.merged_into_id ?? row.id;
  }

  private async startSession(member: ForumMemberEntity): Promise<SignedIn> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionDays * 86_400_000);
    await this.tx.run(async (m) => {
      await m.delete(ForumSessionEntity, { expiresAt: LessThan(now) });
      await m.insert(ForumSessionEntity, { tokenHash: hashToken(token), memberId: member.id, createdAt: now, expiresAt, lastSeenAt: now });
    });
    return { member, token, expiresAt };
  }

  private async applyPhone(m: EntityManager, member: ForumMemberEntity, customer: Customer, ownRecord: boolean, phone: string | null): Promise<TimelineEvent[]> {
    if (!phone) {
      // Cleared: the record this account made has no number of its own to keep.
      if (ownRecord) await m.update(Customer, { id: customer.id }, { phone: null });
      return [];
    }
    const other = await this.phoneOwner(m, phone, customer.id);
    if (other) return this.suggestLink(m, customer.id, other, phone, member.username);
    if (ownRecord) {
      await m.update(Customer, { id: customer.id }, { phone });
      return [];
    }
    // A known customer's record: the number is left for staff to check, not applied.
    const { event, created } = await this.timeline.appendWithin(m, {
      customerId: customer.id,
      kind: 'note',
      channel: 'system',
      author: { type: 'system' },
      body: `论坛账号 ${member.username} 留下了手机号 ${phone}`,
      details: { phone, username: member.username },
      source: 'forum.profile',
      sourceId: `${member.id}:${phone}`,
      internal: true,
    });
    return created ? [event] : [];
  }

  /** Another live customer with this phone (PostgreSQL: one writer per number at a time, as customers.create does). */
  private async phoneOwner(m: EntityManager, phone: string, exceptId?: string): Promise<Customer | null> {
    if (m.connection.options.type === 'postgres') await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`customers.phone:${phone}`]);
    return m.findOne(Customer, {
      where: { phone, mergedIntoId: IsNull(), ...(exceptId ? { id: Not(exceptId) } : {}) },
      order: { lastEventAt: { direction: 'DESC', nulls: 'LAST' } },
    });
  }

  /** The same `customer.link_suggested` entry a web-chat visitor's phone makes: staff check, then merge. */
  private async suggestLink(m: EntityManager, customerId: string, other: Customer, phone: string, username: string): Promise<TimelineEvent[]> {
    const { event, created } = await this.timeline.appendWithin(m, {
      customerId,
      kind: 'customer.link_suggested',
      channel: 'system',
      author: { type: 'system' },
      body: `${phone} → ${other.displayName}`,
      details: { phone, suggestedCustomerId: other.id, suggestedName: other.displayName, username },
      source: 'forum.suggestion',
      sourceId: `${customerId}:${other.id}`,
      internal: true,
    });
    return created ? [event] : [];
  }

  private phoneOrNull(raw: string | null | undefined): string | null {
    if (raw === undefined || raw === null || raw.trim() === '') return null;
    const phone = normalizePhone(raw);
    if (!phone) throw ForumErrors.invalidPhone();
    return phone;
  }

  /** Two registrations racing for one name: the loser's unique violation is the same 409. */
  private async guardUsername<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (isUniqueViolation(err)) throw ForumErrors.usernameTaken();
      throw err;
    }
  }
}
