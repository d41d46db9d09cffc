import { Routes } from '@angular/router';
import { StoriesShell } from './stories-shell';

/** `/stories`, lazy-loaded as one chunk: the feed, themes, my thanks and stories, one story. */
export const storiesRoutes: Routes = [
  {
    path: '',
    component: StoriesShell,
    children: [
      { path: '', loadComponent: () => import('./stories-feed-page').then((m) => m.StoriesFeedPage) },
      { path: 'themes', loadComponent: () => import('./themes-page').then((m) => m.ThemesPage) },
      { path: 'mine', loadComponent: () => import('./my-stories-page').then((m) => m.MyStoriesPage) },
      { path: ':caseId', loadComponent: () => import('./story-page').then((m) => m.StoryPage) },
    ],
  },
];
