// Test data for the cases specs (imported by specs only).
import type { CaseDetail, CaseSummary, Gesture, GestureAllowance } from '@hearth/contract';

export function aCase(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: 'case-1',
    customerId: 'c-1',
    title: '屏幕碎了',
    status: 'open',
    themes: ['屏幕'],
    openedBy: { id: 'me', name: '林晓' },
    openedAt: '2026-11-01T08:00:00.000Z',
    resolvedAt: null,
    onIt: [],
    eventIds: [],
    ...overrides,
  };
}

export function aCaseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    ...aCase(overrides),
    customer: { id: 'c-1', displayName: '王芳' },
    events: [],
    resolution: null,
    history: [],
    gestures: [],
    ...overrides,
  };
}

export function aGesture(overrides: Partial<Gesture> = {}): Gesture {
  return {
    id: 'g-1',
    customerId: 'c-1',
    caseId: null,
    kind: 'handwritten_card',
    note: '写一张手写卡片，谢谢她的耐心',
    costCents: null,
    status: 'planned',
    reaction: null,
    by: { id: 'me', name: '林晓' },
    createdAt: '2026-11-01T09:00:00.000Z',
    givenAt: null,
    ...overrides,
  };
}

export function anAllowance(overrides: Partial<GestureAllowance> = {}): GestureAllowance {
  return { month: '2026-11', allowanceCents: 30000, spentCents: 18000, leftCents: 12000, ...overrides };
}
