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

export const signedInGuard: CanActivateFn = (_route, state): boolean | UrlTree => {
  if (inject(Auth).signedIn()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Lets through staff whose role is in the route's `data.roles`; sends others to their start page. */
export const roleGuard: CanActivateFn = (route): boolean | UrlTree => {
  const router = inject(Router);
  const staff = inject(Auth).staff();
  if (!staff) return router.createUrlTree(['/login']);
  return allowedRoles(route).includes(staff.role) ? true : router.parseUrl(homePath(staff.role));
};

/** The sign-in page is for signed-out visitors; others go back where they were heading. */
export const signedOutGuard: CanActivateFn = (route): boolean | UrlTree => {
  const staff = inject(Auth).staff();
  if (!staff) return true;
  const returnUrl = safeReturnUrl(route.queryParamMap.get('returnUrl'));
  return inject(Router).parseUrl(returnUrl ?? homePath(staff.role));
};

/** `/` itself: store staff start at the store, everyone else at the desk. */
export const homeRedirectGuard: CanActivateFn = (): UrlTree => {
  const router = inject(Router);
  const staff = inject(Auth).staff();
  return router.parseUrl(staff ? homePath(staff.role) : '/login');
};
