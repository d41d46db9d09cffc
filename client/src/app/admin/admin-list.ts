import { ComponentType } from '@angular/cdk/portal';
import { DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { filter, Observable } from 'rxjs';
import { FORM_DIALOG } from '../shared/dialog-options';

export type LoadState = 'loading' | 'ready' | 'error';

/**
 * The rows of an admin list page (staff, stores, WeChat accounts) and whether they have loaded.
 * Create it in an injection context (a field of the page): it starts loading at once, and a load
 * still under way ends with the page.
 */
export class AdminList<T extends { readonly id: string }> {
  private readonly destroyRef = inject(DestroyRef);
  private readonly rows = signal<readonly T[]>([]);
  private readonly loadState = signal<LoadState>('loading');

  readonly items = this.rows.asReadonly();
  readonly state = this.loadState.asReadonly();

  constructor(private readonly fetch: () => Observable<readonly T[]>) {
    this.load();
  }

  /** Loads (or, after an error, loads again) every row. */
  load(): void {
    this.loadState.set('loading');
    this.fetch()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (rows) => {
          this.rows.set(rows);
          this.loadState.set('ready');
        },
        error: () => this.loadState.set('error'),
      });
  }

  /** A row just created goes last, as the server lists them. */
  add(item: T): void {
    this.rows.update((list) => [...list, item]);
  }

  /** Puts a saved row where the row with its id was. */
  replace(item: T): void {
    this.rows.update((list) => list.map((row) => (row.id === item.id ? item : row)));
  }
}

/**
 * Opens `component` with `FORM_DIALOG` and `data`; emits what it closed with (a saved row, or
 * `true` for a confirmation), and nothing when it was cancelled.
 */
export function openFormDialog<R, D = unknown>(
  dialog: MatDialog,
  component: ComponentType<unknown>,
  data: D | null = null,
): Observable<NonNullable<R>> {
  return dialog
    .open<unknown, D, R>(component, { ...FORM_DIALOG, data })
    .afterClosed()
    .pipe(filter((result): result is NonNullable<R> => !!result));
}
