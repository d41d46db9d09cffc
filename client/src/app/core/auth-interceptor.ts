import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { Auth } from './auth';

function endsSession(url: string): boolean {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  return path.startsWith('/api/') && !path.startsWith('/api/auth/');
}

/**
 * A 401 from any API call except the auth endpoints means the session ended elsewhere (signed
 * out, expired, account disabled): forget the staff member and go to the sign-in page.
 */
export const sessionEndedInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(Auth);
  const router = inject(Router);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && endsSession(req.url)) {
        // Several requests may fail together; only the first one navigates.
        if (auth.signedIn()) {
          auth.endSession();
          void router.navigate(['/login'], {
            queryParams: { returnUrl: router.url, session: 'ended' },
          });
        }
      }
      return throwError(() => error);
    }),
  );
};
