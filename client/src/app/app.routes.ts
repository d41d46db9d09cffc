import { Routes } from '@angular/router';
import { homeRedirectGuard, roleData, roleGuard, signedInGuard, signedOutGuard } from './core/auth-guards';
import { pageTitle } from './core/i18n-title';
import { AppFrame } from './shell/app-frame';
import { navRoles } from './shell/nav-items';
import { NotFoundPage } from './shell/not-found-page';

export const routes: Routes = [
  {
    path: 'login',
    title: pageTitle('login.submit'),
    canActivate: [signedOutGuard],
    loadComponent: () => import('./login/login-page').then((m) => m.LoginPage),
  },
  {
    // Stories as clean A4 pages: outside the frame, so nothing but the stories prints.
    path: 'print/stories',
    title: pageTitle('nav.stories'),
    canActivate: [signedInGuard],
    loadComponent: () => import('./stories/print-page').then((m) => m.PrintPage),
  },
  {
    // The community forum is public (customers read it without an account): outside the staff frame.
    path: 'forum',
    loadChildren: () => import('./forum/forum.routes').then((m) => m.forumRoutes),
  },
  {
    path: '',
    component: AppFrame,
    canActivate: [signedInGuard],
    canActivateChild: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirectGuard], children: [] },
      {
        path: 'desk',
        title: pageTitle('nav.desk'),
        canActivate: [roleGuard],
        data: roleData(...navRoles('/desk')),
        loadChildren: () => import('./desk/desk.routes').then((m) => m.deskRoutes),
      },
      {
        path: 'store',
        title: pageTitle('nav.store'),
        canActivate: [roleGuard],
        data: roleData(...navRoles('/store')),
        loadChildren: () => import('./store/store.routes').then((m) => m.storeRoutes),
      },
      {
        path: 'stories',
        title: pageTitle('nav.stories'),
        loadChildren: () => import('./stories/stories.routes').then((m) => m.storiesRoutes),
      },
      {
        path: 'admin',
        title: pageTitle('nav.admin'),
        canActivate: [roleGuard],
        data: roleData(...navRoles('/admin')),
        loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes),
      },
      { path: '**', title: pageTitle('notFound.title'), component: NotFoundPage },
    ],
  },
];
