import type { Staff } from '../staff/staff.entity';
import type { ForumMemberEntity } from './entities';
import { ForumErrors } from './forum.errors';

/** Who is reading the forum: nobody signed in, a forum member, or staff (the desk session wins). */
export type ForumReader = { kind: 'anonymous' } | { kind: 'member'; member: ForumMemberEntity } | { kind: 'staff'; staff: Staff };
/** Someone who may write: a member, or staff posting as staff. */
export type ForumActor = Exclude<ForumReader, { kind: 'anonymous' }>;

export const ANONYMOUS: ForumReader = { kind: 'anonymous' };

/** Any staff role may post as staff; these may also moderate. */
const MODERATOR_ROLES: readonly string[] = ['agent', 'manager', 'admin'];

export const canModerate = (reader: ForumReader): reader is { kind: 'staff'; staff: Staff } =>
  reader.kind === 'staff' && MODERATOR_ROLES.includes(reader.staff.role);

/** 'm:<memberId>' or 's:<staffId>': with a client id, one write per author. */
export const authorKey = (actor: ForumActor) => (actor.kind === 'member' ? `m:${actor.member.id}` : `s:${actor.staff.id}`);

export function requireActor(reader: ForumReader): ForumActor {
  if (reader.kind === 'anonymous') throw ForumErrors.signInRequired();
  return reader;
}

export function requireModerator(reader: ForumReader): Staff {
  if (reader.kind === 'anonymous') throw ForumErrors.signInRequired();
  if (!canModerate(reader)) throw ForumErrors.forbidden();
  return reader.staff;
}

export function requireAdmin(reader: ForumReader): Staff {
  if (reader.kind === 'anonymous') throw ForumErrors.signInRequired();
  if (reader.kind !== 'staff' || reader.staff.role !== 'admin') throw ForumErrors.forbidden();
  return reader.staff;
}

export function requireMember(reader: ForumReader): ForumMemberEntity {
  if (reader.kind === 'anonymous') throw ForumErrors.signInRequired();
  if (reader.kind !== 'member') throw ForumErrors.membersOnly();
  return reader.member;
}
