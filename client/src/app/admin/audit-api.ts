import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditPage } from '@hearth/contract';
import { Observable } from 'rxjs';

export type { AuditEntry, AuditPage } from '@hearth/contract';

export interface AuditFilters {
  readonly staffId?: string | null;
  readonly action?: string | null;
  readonly targetId?: string | null;
}

/** The audit log (`/api/audit`), for admins: newest first, a page at a time. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  page(filters: AuditFilters, before: string | null = null, limit = 50): Observable<AuditPage> {
    let params = new HttpParams().set('limit', limit);
    if (before) params = params.set('before', before);
    if (filters.staffId) params = params.set('staffId', filters.staffId);
    if (filters.action) params = params.set('action', filters.action);
    if (filters.targetId) params = params.set('targetId', filters.targetId);
    return this.http.get<AuditPage>('/api/audit', { params });
  }
}
