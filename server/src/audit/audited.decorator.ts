import { SetMetadata } from '@nestjs/common';

export const AUDITED = 'hearth:audited';

/** What a handler had to work with, for naming the target and the details of an entry. */
export type AuditContext = { params: Record<string, string>; body: unknown; result: unknown };

export type AuditOptions = {
  /** What kind of record the action touched: `customer`, `staff`, `store`, `forum_post`, … */
  target?: string;
  /** The route parameter holding the target's id (e.g. `id`). */
  param?: string;
  /** Or the id read from the request or the answer (e.g. the id of something just created). */
  targetId?: (c: AuditContext) => string | null | undefined;
  /** Small JSON: ids and field names only — never message bodies, passwords or secrets. */
  details?: (c: AuditContext) => Record<string, unknown> | null;
};

export type AuditSpec = AuditOptions & { action: string };

/**
 * Records this staff action in the audit log once the handler has succeeded (a refused or failed
 * request is not recorded as done). E.g. `@Audited('customer.view', { target: 'customer', param: 'id' })`.
 */
export const Audited = (action: string, options: AuditOptions = {}) => SetMetadata(AUDITED, { action, ...options } satisfies AuditSpec);

/** Which fields a change named, never their values (a new phone number is itself personal; a secret is secret). */
export const changedFields = ({ body }: AuditContext): Record<string, unknown> | null =>
  body && typeof body === 'object' ? { fields: Object.keys(body).sort() } : null;
