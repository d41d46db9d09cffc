import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

export interface Store {
  readonly id: string;
  readonly name: string;
  readonly city: string;
  readonly address: string;
}

/** Physical stores (`/api/stores`), readable by any signed-in staff member. */
@Injectable({ providedIn: 'root' })
export class StoresApi {
  private readonly http = inject(HttpClient);

  list(): Observable<readonly Store[]> {
    return this.http.get<{ stores: Store[] }>('/api/stores').pipe(map((res) => res.stores));
  }
}
