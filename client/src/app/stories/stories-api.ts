import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Story, StoryPage, ThanksNote, ThemesMonth } from '@hearth/contract';
import { Observable, map } from 'rxjs';
import type { Lang } from '../core/i18n';

/** What `GET /api/stories` can be asked; absent fields are not sent. */
export interface StoryQuery {
  readonly q?: string;
  readonly theme?: string;
  readonly channel?: string;
  readonly storeId?: string;
  /** Local dates, YYYY-MM-DD, both inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** 'week': highlighted within the last seven days; true: every highlighted story. */
  readonly highlighted?: boolean | 'week';
  readonly mine?: boolean;
  readonly before?: string;
  readonly limit?: number;
}

export interface StoryFacets {
  readonly themes: readonly string[];
  readonly stores: readonly { readonly id: string; readonly name: string }[];
}

export interface MyThanks {
  readonly thanks: readonly ThanksNote[];
  readonly unseen: number;
}

export const STORY_PAGE_SIZE = 20;

const storyPath = (caseId: string) => `/api/stories/${encodeURIComponent(caseId)}`;
const idList = (ids: readonly string[]) => ids.map(encodeURIComponent).join(',');

/** The query string of a story list: only what is set, trimmed, and the page size. */
export function storyParams(query: StoryQuery): HttpParams {
  let params = new HttpParams();
  const q = query.q?.trim();
  if (q) params = params.set('q', q);
  if (query.theme) params = params.set('theme', query.theme);
  if (query.channel) params = params.set('channel', query.channel);
  if (query.storeId) params = params.set('storeId', query.storeId);
  if (query.from) params = params.set('from', query.from);
  if (query.to) params = params.set('to', query.to);
  if (query.highlighted) params = params.set('highlighted', query.highlighted === 'week' ? 'week' : 'true');
  if (query.mine) params = params.set('mine', 'true');
  if (query.before) params = params.set('before', query.before);
  return params.set('limit', query.limit ?? STORY_PAGE_SIZE);
}

/** The most stories one export, print or selection request may name (the server's limit). */
export const MAX_SELECTION = 50;

/**
 * Where the Markdown of these stories downloads from (same origin, the session cookie goes along),
 * its headings in the reader's language.
 */
export function exportUrl(ids: readonly string[], lang: Lang): string {
  return `/api/stories/export.md?ids=${idList(ids)}&lang=${lang === 'en' ? 'en' : 'zh'}`;
}

/** Case stories for reading (`/api/stories`, `/api/themes`, `/api/me/thanks`). */
@Injectable({ providedIn: 'root' })
export class StoriesApi {
  private readonly http = inject(HttpClient);

  list(query: StoryQuery = {}): Observable<StoryPage> {
    return this.http.get<StoryPage>('/api/stories', { params: storyParams(query) });
  }

  facets(): Observable<StoryFacets> {
    return this.http.get<StoryFacets>('/api/stories/facets');
  }

  story(caseId: string): Observable<Story> {
    return this.http.get<Story>(storyPath(caseId));
  }

  /** Several stories in the given order (the print page). */
  selection(ids: readonly string[]): Observable<readonly Story[]> {
    return this.http
      .get<{ stories: Story[] }>('/api/stories/selection', { params: new HttpParams().set('ids', ids.join(',')) })
      .pipe(map((res) => res.stories));
  }

  /** Highlights the story anew, replacing any earlier highlight: without a note it has none. */
  highlight(caseId: string, note: string | null): Observable<Story> {
    const text = note?.trim();
    return this.http.put<Story>(`${storyPath(caseId)}/highlight`, text ? { note: text } : {});
  }

  unhighlight(caseId: string): Observable<Story> {
    return this.http.delete<Story>(`${storyPath(caseId)}/highlight`);
  }

  thank(caseId: string, toStaffId: string, body: string, clientId: string): Observable<ThanksNote> {
    return this.http.post<ThanksNote>(`${storyPath(caseId)}/thanks`, { clientId, toStaffId, body });
  }

  myThanks(): Observable<MyThanks> {
    return this.http.get<MyThanks>('/api/me/thanks');
  }

  markThanksSeen(): Observable<void> {
    return this.http.post<void>('/api/me/thanks/seen', {});
  }

  /** A month's themes; without a month, the server's current month (in the stores' time zone). */
  themes(month: string | null): Observable<ThemesMonth> {
    const params = month ? new HttpParams().set('month', month) : new HttpParams();
    return this.http.get<ThemesMonth>('/api/themes', { params });
  }
}
