import { Routes } from '@angular/router';
import { pageTitle } from '../core/i18n-title';

/** The desk, lazy-loaded as one chunk: search, then a customer's whole story. */
export const deskRoutes: Routes = [
  { path: '', loadComponent: () => import('./desk-page').then((m) => m.DeskPage) },
  {
    path: 'customers/:id',
    title: pageTitle('nav.desk'),
    loadComponent: () => import('./customer-page').then((m) => m.CustomerPage),
  },
];
