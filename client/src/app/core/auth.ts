import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, Subject, catchError, finalize, firstValueFrom, map, of, tap, throwError } from 'rxjs';
import { Staff } from './staff';

interface StaffResponse {
  readonly staff: Staff;
}

/** The signed-in staff member and the auth endpoints (`/api/auth/*`). */
@Injectable({ providedIn: 'root' })
export class Auth {
  private readonly http = inject(HttpClient);
  private readonly current = signal<Staff | null>(null);
  private readonly signOuts = new Subject<Staff>();
  private restoring?: Promise<void>;

  /** Who is signed in; null when nobody is. */
  readonly staff = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);
  /**
   * Who just signed out (not a session that merely ended): whatever this tab keeps for them
   * (unsent replies, drafts) should go, so the next person at a shared desk does not inherit it.
   */
  readonly signedOut$: Observable<Staff> = this.signOuts.asObservable();

  /**
   * Asks the server who owns the session cookie, once per page load (the staff routes' guards wait
   * for it; the public forum never asks, so a customer reading it sends no staff session check).
   * Never fails: any error means signed out.
   */
  restoreSession(): Promise<void> {
    return (this.restoring ??= this.askWhoIsSignedIn());
  }

  private askWhoIsSignedIn(): Promise<void> {
    const me$ = this.http.get<StaffResponse>('/api/auth/me').pipe(
      map((res) => res.staff),
      catchError(() => of(null)),
      tap((staff) => this.current.set(staff)),
      map(() => undefined),
    );
    return firstValueFrom(me$);
  }

  login(email: string, password: string): Observable<Staff> {
    return this.http.post<StaffResponse>('/api/auth/login', { email, password }).pipe(
      map((res) => res.staff),
      tap((staff) => {
        this.current.set(staff);
        this.restoring = Promise.resolve();
      }),
    );
  }

  /** Ends the session on the server; locally we are signed out whatever the server answers. */
  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', {}).pipe(
      catchError((error: unknown) =>
        error instanceof HttpErrorResponse ? of(undefined) : throwError(() => error),
      ),
      map(() => undefined),
      finalize(() => {
        const leaving = this.current();
        this.endSession();
        if (leaving) this.signOuts.next(leaving);
      }),
    );
  }

  /** Forgets the session without calling the server, e.g. after a 401 said it had ended. */
  endSession(): void {
    this.current.set(null);
    // Known now: nobody. The sign-in page need not ask.
    this.restoring = Promise.resolve();
  }
}
