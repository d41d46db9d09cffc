import { Customer } from './customer.entity';
import { Identity } from './identity.entity';

export type IdentityDto = { id: string; channel: string; externalId: string; displayName: string | null; verified: boolean; createdAt: string };
export type CustomerDto = {
  id: string;
  displayName: string;
  phone: string | null;
  notes: string;
  identities: IdentityDto[];
  lastEventAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Set when the customer's data was erased: the timeline keeps its shape, nothing personal. */
  erasedAt: string | null;
};
export type SearchMatch = { field: 'name' | 'phone' | 'identity' | 'event'; text: string; eventId?: string; occurredAt?: string };
export type CustomerSearchResult = { customer: CustomerDto; match: SearchMatch | null };

export function toIdentityDto(i: Identity): IdentityDto {
  return { id: i.id, channel: i.channel, externalId: i.externalId, displayName: i.displayName, verified: i.verified, createdAt: i.createdAt.toISOString() };
}

export function toCustomerDto(c: Customer): CustomerDto {
  return {
    id: c.id,
    displayName: c.displayName,
    phone: c.phone,
    notes: c.notes,
    identities: (c.identities ?? []).map(toIdentityDto).sort((a, b) => a.channel.localeCompare(b.channel)),
    lastEventAt: c.lastEventAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    erasedAt: c.erasedAt?.toISOString() ?? null,
  };
}

/** A short excerpt around the first place the query occurs. */
export function snippet(body: string, query: string, radius = 30): string {
  const at = body.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0) return body.length > radius * 2 ? `${body.slice(0, radius * 2)}…` : body;
  const start = Math.max(0, at - radius);
  const end = Math.min(body.length, at + query.length + radius);
  return `${start > 0 ? '…' : ''}${body.slice(start, end)}${end < body.length ? '…' : ''}`;
}
