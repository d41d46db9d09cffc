import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';
import type { ThreadFeedState } from './thread-feed';
import { ThreadListItem } from './thread-list-item';

/**
 * A thread feed as a list: loading, a failure with retry, an empty state, the threads, and "load
 * more" while the server has more (keyset: the next page starts after the last thread shown).
 */
@Component({
  selector: 'app-forum-thread-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, TranslatePipe, EmptyState, ThreadListItem],
  template: `
    @let s = state();
    @if (s.loading) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'forum.list.loading' | t" />
    }
    @if (s.error; as error) {
      <div class="notice error" role="alert">
        <p>{{ 'forum.list.loadError' | t }} {{ error | t }}</p>
        <button mat-stroked-button type="button" (click)="retry.emit()">{{ 'action.retry' | t }}</button>
      </div>
    } @else if (s.loading) {
      <p class="notice">{{ 'forum.list.loading' | t }}</p>
    } @else if (!s.threads.length) {
      <app-empty-state icon="forum" [title]="emptyTitle()" [body]="emptyBody()">
        <ng-content select="[empty-action]" />
      </app-empty-state>
    } @else {
      <ul class="threads">
        @for (thread of s.threads; track thread.id) {
          <li><app-forum-thread-list-item [thread]="thread" [showBoard]="showBoard()" /></li>
        }
      </ul>
      <div class="more">
        @if (s.moreError; as error) {
          <p role="alert">{{ 'forum.list.moreError' | t }} {{ error | t }}</p>
          <button mat-stroked-button type="button" (click)="retry.emit()">{{ 'action.retry' | t }}</button>
        } @else if (s.nextCursor) {
          <button mat-stroked-button type="button" [disabled]="s.loadingMore" [attr.aria-busy]="s.loadingMore" (click)="more.emit()">
            {{ (s.loadingMore ? 'forum.list.loadingMore' : 'forum.list.loadMore') | t }}
          </button>
        } @else if (s.threads.length > 3) {
          <p class="end">{{ 'forum.list.end' | t }}</p>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    mat-progress-bar {
      border-radius: 2px;
      margin-bottom: var(--hearth-space-2);
    }
    .threads {
      list-style: none;
      margin: 0;
      padding: 0;
      border-radius: var(--hearth-radius);
      background: var(--mat-sys-surface-container-lowest);
      box-shadow: 0 1px 2px rgb(60 40 20 / 6%);
      overflow: hidden;
    }
    .threads li + li {
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .threads li:hover {
      background: color-mix(in srgb, var(--mat-sys-surface-container) 50%, transparent);
    }
    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--hearth-space-3);
      padding: var(--hearth-space-4) var(--hearth-space-5);
      border-radius: var(--hearth-radius);
      background: var(--mat-sys-surface-container-lowest);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .notice.error {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .more {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: var(--hearth-space-2);
      padding: var(--hearth-space-4) 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .more:empty {
      display: none;
    }
  `,
})
export class ThreadList {
  readonly state = input.required<ThreadFeedState>();
  readonly showBoard = input(false);
  readonly emptyTitle = input.required<string>();
  readonly emptyBody = input.required<string>();
  readonly more = output<void>();
  readonly retry = output<void>();
}
