import type { MessageKey } from './i18n';

export const ROLES = ['agent', 'store', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A staff member as the server describes them (`StaffDto`). */
export interface Staff {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly active: boolean;
  readonly storeId: string | null;
  readonly storeName: string | null;
  readonly createdAt: string;
}

export const ROLE_LABELS: Readonly<Record<Role, MessageKey>> = {
  agent: 'role.agent',
  store: 'role.store',
  manager: 'role.manager',
  admin: 'role.admin',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Where a staff member starts their day: store staff at the store, everyone else at the desk. */
export function homePath(role: Role): string {
  return role === 'store' ? '/store' : '/desk';
}
