import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CaseDetail,
  CaseSummary,
  Gesture,
  GestureAllowance,
  GestureUpdate,
  NewCase,
  NewGesture,
  ResolutionInput,
} from '@hearth/contract';
import { Observable, map } from 'rxjs';

const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}`;
const customerPath = (id: string) => `/api/customers/${encodeURIComponent(id)}`;

/** What the case panel may change directly (the story is written with `resolve`). */
export type CaseChanges = { readonly title?: string; readonly themes?: readonly string[] };

/** Cases and gestures of a customer (`/api/cases`, `/api/gestures`). */
@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);

  /** Open cases first, then resolved ones, newest first. */
  casesOf(customerId: string): Observable<readonly CaseSummary[]> {
    return this.http.get<{ cases: CaseSummary[] }>(`${customerPath(customerId)}/cases`).pipe(map((res) => res.cases));
  }

  /** Every gesture for this customer, with or without a case, newest first. */
  gesturesOf(customerId: string): Observable<readonly Gesture[]> {
    return this.http
      .get<{ gestures: Gesture[] }>(`${customerPath(customerId)}/gestures`)
      .pipe(map((res) => res.gestures));
  }

  get(id: string): Observable<CaseDetail> {
    return this.http.get<CaseDetail>(casePath(id));
  }

  /** The same `clientId` twice (a double click, a retry) is one case. */
  create(request: NewCase): Observable<CaseDetail> {
    return this.http.post<CaseDetail>('/api/cases', request);
  }

  update(id: string, changes: CaseChanges): Observable<CaseDetail> {
    return this.http.patch<CaseDetail>(casePath(id), changes);
  }

  attach(id: string, eventIds: readonly string[]): Observable<CaseDetail> {
    return this.http.post<CaseDetail>(`${casePath(id)}/events`, { eventIds });
  }

  detach(id: string, eventId: string): Observable<CaseDetail> {
    return this.http.delete<CaseDetail>(`${casePath(id)}/events/${encodeURIComponent(eventId)}`);
  }

  /** "I'm on it" (or no longer): for the person signed in. */
  setOnIt(id: string, onIt: boolean): Observable<CaseDetail> {
    const url = `${casePath(id)}/on-it`;
    return onIt ? this.http.put<CaseDetail>(url, {}) : this.http.delete<CaseDetail>(url);
  }

  /** Resolves the case with its story, or edits the story (409 when someone else changed it meanwhile). */
  resolve(id: string, resolution: ResolutionInput): Observable<CaseDetail> {
    return this.http.put<CaseDetail>(`${casePath(id)}/resolution`, resolution);
  }

  reopen(id: string): Observable<CaseDetail> {
    return this.http.post<CaseDetail>(`${casePath(id)}/reopen`, {});
  }

  /** My own gesture allowance this month. */
  allowance(): Observable<GestureAllowance> {
    return this.http.get<GestureAllowance>('/api/gestures/allowance');
  }

  createGesture(request: NewGesture): Observable<Gesture> {
    return this.http.post<Gesture>('/api/gestures', request);
  }

  updateGesture(id: string, changes: GestureUpdate): Observable<Gesture> {
    return this.http.patch<Gesture>(`/api/gestures/${encodeURIComponent(id)}`, changes);
  }
}

/** The list shape of a case, from its full detail. */
export function summaryOf(detail: CaseDetail): CaseSummary {
  return {
    id: detail.id,
    customerId: detail.customerId,
    title: detail.title,
    status: detail.status,
    themes: detail.themes,
    openedBy: detail.openedBy,
    openedAt: detail.openedAt,
    resolvedAt: detail.resolvedAt,
    onIt: detail.onIt,
    eventIds: detail.eventIds,
  };
}

/** Open cases first (newest opened first), then resolved ones (newest resolved first). */
export function caseOrder(a: CaseSummary, b: CaseSummary): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  const at = (c: CaseSummary) => (c.status === 'open' ? c.openedAt : (c.resolvedAt ?? c.openedAt));
  return at(b).localeCompare(at(a));
}
