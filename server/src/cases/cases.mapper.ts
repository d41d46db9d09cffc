import type { CaseResolution, Gesture } from '../realtime/contract';
import type { CaseResolutionEntity } from './case-resolution.entity';
import type { GestureEntity } from './gesture.entity';

export function toResolution(r: CaseResolutionEntity): CaseResolution {
  return {
    version: r.version,
    needed: r.needed,
    did: r.did,
    felt: r.felt,
    customerWords: r.customerWords,
    writtenBy: { id: r.writtenById, name: r.writtenByName },
    writtenAt: r.writtenAt.toISOString(),
  };
}

export function toGesture(g: GestureEntity): Gesture {
  return {
    id: g.id,
    customerId: g.customerId,
    caseId: g.caseId,
    kind: g.kind,
    note: g.note,
    costCents: g.costCents,
    status: g.status,
    reaction: g.reaction,
    by: { id: g.givenById, name: g.givenByName },
    createdAt: g.createdAt.toISOString(),
    givenAt: g.givenAt?.toISOString() ?? null,
  };
}

/** Themes as stored: NFKC, single spaces, Latin lower-cased, no duplicates, in the order given. */
export function normaliseThemes(themes: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of themes) {
    const theme = raw.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase().slice(0, 30);
    if (theme) seen.add(theme);
  }
  return [...seen];
}

/** The case.resolved event's text: the three answers and the customer's words. */
export function storyText(r: { needed: string; did: string; felt: string; customerWords?: string | null }): string {
  return [r.needed, r.did, r.felt, r.customerWords ? `“${r.customerWords}”` : null].filter(Boolean).join('\n');
}

/** The timeline channel an entry by this staff member belongs to. */
export const staffChannel = (role: string) => (role === 'store' ? 'store' : 'desk');
