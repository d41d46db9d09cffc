import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NewVisit, TimelineEvent, TodayVisits } from '@hearth/contract';
import { Observable, catchError, map, of, throwError } from 'rxjs';
import { apiErrorStatus } from '../core/api-error';
import type { Customer } from '../desk/customer';

/** What the store needs to start a customer on the spot: a name, a phone, or both. */
export interface NewCustomer {
  readonly displayName?: string;
  readonly phone?: string;
}

/**
 * The store screen's calls: visits (`/api/visits`), and the two customer look-ups the desk does not
 * make (by phone, create on the spot). Searching by name or phone goes through `CustomersApi`.
 */
@Injectable({ providedIn: 'root' })
export class StoreApi {
  private readonly http = inject(HttpClient);

  /** The customer with this phone, in any common format; null when there is none (404) or it is no phone (400). */
  customerByPhone(phone: string): Observable<Customer | null> {
    const params = new HttpParams().set('phone', phone);
    return this.http.get<{ customer: Customer }>('/api/customers/by-phone', { params }).pipe(
      map((res) => res.customer),
      catchError((error: unknown) => {
        const status = apiErrorStatus(error);
        return status === 404 || status === 400 ? of(null) : throwError(() => error);
      }),
    );
  }

  createCustomer(customer: NewCustomer): Observable<Customer> {
    return this.http.post<{ customer: Customer }>('/api/customers', customer).pipe(map((res) => res.customer));
  }

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
