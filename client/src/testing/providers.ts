import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Auth } from '../app/core/auth';
import { sessionEndedInterceptor } from '../app/core/auth-interceptor';
import type { Staff } from '../app/core/staff';

/** HTTP through the app's interceptor into HttpTestingController, and Material without motion. */
export function testProviders(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(withInterceptors([sessionEndedInterceptor])),
    provideHttpClientTesting(),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}

/** Signs `staff` in the way the app does at start: `GET /api/auth/me` answers with them. */
export async function signInAs(staff: Staff): Promise<void> {
  const restored = TestBed.inject(Auth).restoreSession();
  TestBed.inject(HttpTestingController).expectOne('/api/auth/me').flush({ staff });
  await restored;
}

/** Nobody is signed in: the session check (`GET /api/auth/me`) answers 401. */
export async function signedOut(): Promise<void> {
  const restored = TestBed.inject(Auth).restoreSession();
  const { body, opts } = apiError(401, 'auth.required');
  TestBed.inject(HttpTestingController).expectOne('/api/auth/me').flush(body, opts);
  await restored;
}

/** An HTTP error in the server's shape. */
export function apiError(status: number, code: string, message = code) {
  return {
    body: { statusCode: status, code, message, requestId: 'req-test' },
    opts: { status, statusText: 'Error' },
  };
}
