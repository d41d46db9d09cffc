import { Observable, catchError, map, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import type { MessageKey } from '../core/i18n';
import type { SearchResult } from './customer';

/** How long typing must pause before we search. */
export const SEARCH_DEBOUNCE_MS = 250;

export type SearchStep = { readonly query: string } & (
  | { readonly kind: 'loading' }
  | { readonly kind: 'done'; readonly results: readonly SearchResult[] }
  | { readonly kind: 'failed'; readonly error: MessageKey }
);

/** Runs `search` per query, newest query wins (switchMap); each yields loading then done/failed. */
export function searchSteps(
  queries: Observable<string>,
  search: (q: string) => Observable<readonly SearchResult[]>,
): Observable<SearchStep> {
  return queries.pipe(
    switchMap((query) =>
      search(query).pipe(
        map((results): SearchStep => ({ query, kind: 'done', results })),
        catchError((error: unknown) => of<SearchStep>({ query, kind: 'failed', error: apiErrorMessage(error) })),
        startWith<SearchStep>({ query, kind: 'loading' }),
      ),
    ),
  );
}
