import { Routes } from '@angular/router';
import { pageTitle } from '../core/i18n-title';
import { ForumShell } from './forum-shell';

/**
 * The public forum: readable by anyone, outside the staff frame. Forum members and staff signed
 * in to the desk write here; staff see moderation tools.
 */
export const forumRoutes: Routes = [
  {
    path: '',
    component: ForumShell,
    children: [
      { path: '', title: pageTitle('nav.forum'), loadComponent: () => import('./forum-home-page').then((m) => m.ForumHomePage) },
      { path: 'boards/:slug', title: pageTitle('nav.forum'), loadComponent: () => import('./board-page').then((m) => m.BoardPage) },
      { path: 'boards/:slug/new', title: pageTitle('nav.forum'), loadComponent: () => import('./new-thread-page').then((m) => m.NewThreadPage) },
      { path: 'threads/:id', title: pageTitle('nav.forum'), loadComponent: () => import('./thread-page').then((m) => m.ThreadPage) },
      { path: 'members/:username', title: pageTitle('nav.forum'), loadComponent: () => import('./member-page').then((m) => m.MemberPage) },
      { path: 'sign-in', title: pageTitle('nav.forum'), loadComponent: () => import('./sign-in-page').then((m) => m.ForumSignInPage) },
      { path: 'register', title: pageTitle('nav.forum'), loadComponent: () => import('./register-page').then((m) => m.ForumRegisterPage) },
      { path: 'account', title: pageTitle('nav.forum'), loadComponent: () => import('./account-page').then((m) => m.ForumAccountPage) },
    ],
  },
];
