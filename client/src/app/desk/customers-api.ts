import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, of, throwError } from 'rxjs';
import { apiErrorStatus } from '../core/api-error';
import { Customer, SearchResult, TimelineChannel, TimelineEvent, TimelinePage } from './customer';

interface CustomerResponse {
  readonly customer: Customer;
}

export interface TimelineQuery {
  readonly before?: string | null;
  readonly limit?: number;
  readonly channels?: readonly TimelineChannel[];
}

/** What the store needs to start a customer on the spot: a name, a phone, or both. */
export interface NewCustomer {
  readonly displayName?: string;
  readonly phone?: string;
}

const path = (id: string) => `/api/customers/${encodeURIComponent(id)}`;

/** Customers and their timelines (`/api/customers`). */
@Injectable({ providedIn: 'root' })
export class CustomersApi {
  private readonly http = inject(HttpClient);

  /** Search by name, phone, identity or words written; an empty query lists recent customers. */
  search(q: string, limit = 20): Observable<readonly SearchResult[]> {
    const params = new HttpParams().set('q', q).set('limit', limit);
    return this.http
      .get<{ results: SearchResult[] }>('/api/customers', { params })
      .pipe(map((res) => res.results));
  }

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

  /** A merged-away customer answers 308 to the one it went into: check the id you get back. */
  get(id: string): Observable<Customer> {
    return this.http.get<CustomerResponse>(path(id)).pipe(map((res) => res.customer));
  }

  timeline(id: string, query: TimelineQuery = {}): Observable<TimelinePage> {
    let params = new HttpParams().set('limit', query.limit ?? 50);
    if (query.before) params = params.set('before', query.before);
    if (query.channels?.length) params = params.set('channels', query.channels.join(','));
    return this.http.get<TimelinePage>(`${path(id)}/timeline`, { params });
  }

  /** `deskOnly` keeps the note from store staff; it is sent only when set. */
  addNote(id: string, body: string, clientId: string, deskOnly = false): Observable<TimelineEvent> {
    return this.http
      .post<{ event: TimelineEvent }>(`${path(id)}/notes`, deskOnly ? { body, clientId, deskOnly } : { body, clientId })
      .pipe(map((res) => res.event));
  }

  /** Moves everything of `fromCustomerId` into customer `id`. */
  merge(id: string, fromCustomerId: string): Observable<Customer> {
    return this.http
      .post<CustomerResponse>(`${path(id)}/merge`, { fromCustomerId })
      .pipe(map((res) => res.customer));
  }
}
