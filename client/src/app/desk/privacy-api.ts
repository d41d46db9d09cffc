import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { Customer } from './customer';

const path = (id: string) => `/api/customers/${encodeURIComponent(id)}`;

/** A customer's data on request (`/api/customers/:id/export|erase`), admins only. */
@Injectable({ providedIn: 'root' })
export class PrivacyApi {
  private readonly http = inject(HttpClient);

  /** The zip download: a plain link, so the browser streams it to disk with the session cookie. */
  exportUrl(id: string): string {
    return `${path(id)}/export`;
  }

  /** Erases the customer's data; `confirmName` must be their name as shown. Answers the tombstone. */
  erase(id: string, confirmName: string): Observable<Customer> {
    return this.http.post<{ customer: Customer }>(`${path(id)}/erase`, { confirmName }).pipe(map((res) => res.customer));
  }
}
