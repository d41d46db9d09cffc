import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NewVisit, TimelineEvent, TodayVisits } from '@hearth/contract';
import { Observable, map } from 'rxjs';

/** The store screen's own calls: visits (`/api/visits`). Customers go through `CustomersApi`. */
@Injectable({ providedIn: 'root' })
export class StoreApi {
  private readonly http = inject(HttpClient);

  /** Stores a visit; the same `clientId` sent again answers with the visit already stored. */
  logVisit(visit: NewVisit): Observable<TimelineEvent> {
    return this.http.post<{ event: TimelineEvent }>('/api/visits', visit).pipe(map((res) => res.event));
  }

  /** Who came in today at my store (staff of no store name one), newest first. */
  today(storeId: string | null = null): Observable<TodayVisits> {
    const params = storeId ? new HttpParams().set('storeId', storeId) : undefined;
    return this.http.get<TodayVisits>('/api/visits/today', { params });
  }
}
