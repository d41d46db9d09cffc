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

/** A staff member as admins see them: also their monthly gesture allowance (fen), never what they spent. */
export interface StaffMember extends Staff {
  readonly monthlyGestureAllowanceCents: number;
}

export type UpdateStaffRequest = Partial<
  Pick<StaffMember, 'displayName' | 'role' | 'storeId' | 'active' | 'monthlyGestureAllowanceCents'>
>;

interface StaffResponse {
  readonly staff: StaffMember;
}

/** Staff accounts (`/api/staff`), for admins. */
@Injectable({ providedIn: 'root' })
export class StaffApi {
  private readonly http = inject(HttpClient);

  list(): Observable<readonly StaffMember[]> {
    return this.http.get<{ staff: StaffMember[] }>('/api/staff').pipe(map((res) => res.staff));
  }

  create(request: CreateStaffRequest): Observable<StaffMember> {
    return this.http.post<StaffResponse>('/api/staff', request).pipe(map((res) => res.staff));
  }

  update(id: string, changes: UpdateStaffRequest): Observable<StaffMember> {
    return this.http
      .patch<StaffResponse>(`/api/staff/${encodeURIComponent(id)}`, changes)
      .pipe(map((res) => res.staff));
  }

  resetPassword(id: string, password: string): Observable<void> {
    return this.http.post<void>(`/api/staff/${encodeURIComponent(id)}/password`, { password });
  }
}
