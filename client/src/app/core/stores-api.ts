import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

export interface Store {
  readonly id: string;
  readonly name: string;
  readonly city: string;
  readonly address: string;
}

/** What an admin sets on a store; names are unique ignoring case (409 `store.name_taken`). */
export type StoreFields = Pick<Store, 'name' | 'city' | 'address'>;

interface StoreResponse {
  readonly store: Store;
}

/**
 * Physical stores (`/api/stores`): readable by any signed-in staff member, added and edited by
 * admins. There is no delete: staff belong to stores and visits on timelines name them.
 */
@Injectable({ providedIn: 'root' })
export class StoresApi {
  private readonly http = inject(HttpClient);

  list(): Observable<readonly Store[]> {
    return this.http.get<{ stores: Store[] }>('/api/stores').pipe(map((res) => res.stores));
  }

  create(fields: StoreFields): Observable<Store> {
    return this.http.post<StoreResponse>('/api/stores', fields).pipe(map((res) => res.store));
  }

  update(id: string, changes: Partial<StoreFields>): Observable<Store> {
    return this.http
      .patch<StoreResponse>(`/api/stores/${encodeURIComponent(id)}`, changes)
      .pipe(map((res) => res.store));
  }
}
