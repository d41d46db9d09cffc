import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { Role, Staff } from '../core/staff';

export interface CreateStaffRequest {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly password: string;
  readonly storeId?: string | null;
}

export type UpdateStaffRequest = Partial<Pick<Staff, 'displayName' | 'role' | 'storeId' | 'active'>>;

interface StaffResponse {
  readonly staff: Staff;
}

/** Staff accounts (`/api/staff`), for admins. */
@Injectable({ providedIn: 'root' })
export class StaffApi {
  private readonly http = inject(HttpClient);

  list(): Observable<readonly Staff[]> {
    return this.http.get<{ staff: Staff[] }>('/api/staff').pipe(map((res) => res.staff));
  }

  create(request: CreateStaffRequest): Observable<Staff> {
    return this.http.post<StaffResponse>('/api/staff', request).pipe(map((res) => res.staff));
  }

  update(id: string, changes: UpdateStaffRequest): Observable<Staff> {
    return this.http
      .patch<StaffResponse>(`/api/staff/${encodeURIComponent(id)}`, changes)
      .pipe(map((res) => res.staff));
  }

  resetPassword(id: string, password: string): Observable<void> {
    return this.http.post<void>(`/api/staff/${encodeURIComponent(id)}/password`, { password });
  }
}
