import { inject } from '@angular/core';
import { ActivatedRouteSnapshot, CanActivateFn, Router, UrlTree } from '@angular/router';
import { Auth } from './auth';
import { Role, homePath, isRole } from './staff';

/** Route data read by `roleGuard`: `data: roleData('admin')`. */
export function roleData(...roles: Role[]): { roles: readonly Role[] } {
  return { roles };
}

function allowedRoles(route: ActivatedRouteSnapshot): readonly Role[] {
  const roles: unknown = route.data['roles'];
  return Array.isArray(roles) ? roles.filter(isRole) : [];
}

/** Only a relative in-app path may be a return address, never another origin. */
export function safeReturnUrl(url: unknown): string | null {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login')
    ? url
    : null;
}

// Each guard first waits for the session check (made once, on the first staff route: the public
// forum never needs it). Guards in one route's list run side by side, so each waits itself.

export const signedInGuard: CanActivateFn = async (_route, state): Promise<boolean | UrlTree> => {
  const [auth, router] = [inject(Auth), inject(Router)];
  await auth.restoreSession();
  if (auth.signedIn()) return true;
  return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Lets through staff whose role is in the route's `data.roles`; sends others to their start page. */
export const roleGuard: CanActivateFn = async (route): Promise<boolean | UrlTree> => {
  const [auth, router] = [inject(Auth), inject(Router)];
  await auth.restoreSession();
  const staff = auth.staff();
  if (!staff) return router.createUrlTree(['/login']);
  return allowedRoles(route).includes(staff.role) ? true : router.parseUrl(homePath(staff.role));
};

/** The sign-in page is for signed-out visitors; others go back where they were heading. */
export const signedOutGuard: CanActivateFn = async (route): Promise<boolean | UrlTree> => {
  const [auth, router] = [inject(Auth), inject(Router)];
  await auth.restoreSession();
  const staff = auth.staff();
  if (!staff) return true;
  const returnUrl = safeReturnUrl(route.queryParamMap.get('returnUrl'));
  return router.parseUrl(returnUrl ?? homePath(staff.role));
};

/** `/` itself: store staff start at the store, everyone else at the desk. */
export const homeRedirectGuard: CanActivateFn = async (): Promise<UrlTree> => {
  const [auth, router] = [inject(Auth), inject(Router)];
  await auth.restoreSession();
  const staff = auth.staff();
  return router.parseUrl(staff ? homePath(staff.role) : '/login');
};
