import { Routes } from '@angular/router';
import { pageTitle } from '../core/i18n-title';

/**
 * The store, lazy-loaded as one chunk. A customer opened from the store shows the desk's customer
 * page (the same timeline everyone serves from), under /store so store staff can reach it.
 */
export const storeRoutes: Routes = [
  { path: '', loadComponent: () => import('./store-page').then((m) => m.StorePage) },
  {
    path: 'customers/:id',
    title: pageTitle('nav.store'),
    loadComponent: () => import('../desk/customer-page').then((m) => m.CustomerPage),
  },
];
