import { ChangeDetectionStrategy, Component, DOCUMENT, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ForumBoard, ForumThread } from '@hearth/contract';
import { Observable, tap } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { readJson, sessionStorageOf, writeJson } from '../desk/reply-storage';
import { EmptyState } from '../shared/empty-state';
import { ForumApi } from './forum-api';
import { ForumComposer, ForumDraft } from './forum-composer';
import { ForumViewerStore } from './forum-viewer';

export const TITLE_MIN = 4;
export const TITLE_MAX = 80;
const TITLE_PREFIX = 'hearth.forum.title:';

type Load = { readonly kind: 'loading' } | { readonly kind: 'notFound' } | { readonly kind: 'error'; readonly message: MessageKey };

/**
 * `/forum/boards/:slug/new`: a title and the Markdown composer. Members and staff only; the title
 * and the text are kept in the tab until the thread is stored, and a double submit is one thread.
 */
@Component({
  selector: 'app-forum-new-thread-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, RouterLink, EmptyState, ForumComposer, TranslatePipe],
  template: `
    @if (board(); as board) {
      <nav class="crumbs" [attr.aria-label]="'forum.thread.breadcrumb' | t">
        <a routerLink="/forum">{{ 'forum.thread.home' | t }}</a>
        <span class="material-symbols-outlined sep" aria-hidden="true">chevron_right</span>
        <a [routerLink]="['/forum/boards', board.slug]">{{ board.name }}</a>
      </nav>
      <h1>{{ 'forum.newThread.heading' | t: { board: board.name } }}</h1>
      @if (viewer.canPost()) {
        <mat-form-field class="title" subscriptSizing="dynamic">
          <mat-label>{{ 'forum.newThread.title' | t }}</mat-label>
          <input
            matInput
            required
            [value]="title()"
            [maxLength]="titleMax"
            (input)="setTitle($any($event.target).value)"
            (keydown)="onTitleKeydown($event)"
            [placeholder]="'forum.newThread.titleHint' | t"
          />
          <mat-hint align="end">{{ title().trim().length }} / {{ titleMax }}</mat-hint>
          @if (titleShort()) {
            <mat-hint>{{ 'forum.newThread.titleShort' | t: { min: titleMin } }}</mat-hint>
          }
        </mat-form-field>
        <app-forum-composer
          [draftKey]="'thread:' + board.slug"
          [submit]="start"
          [ready]="titleOk()"
          submitLabel="forum.newThread.submit"
          label="forum.newThread.body"
          placeholder="forum.newThread.bodyHint"
        />
      }
    } @else {
      @let state = load();
      @if (state.kind === 'loading') {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'forum.newThread.loading' | t" />
      } @else if (state.kind === 'notFound') {
        <app-empty-state icon="forum" [level]="1" [title]="'forum.newThread.notFound' | t" [body]="'forum.newThread.notFoundBody' | t">
          <a mat-stroked-button routerLink="/forum">{{ 'forum.thread.backHome' | t }}</a>
        </app-empty-state>
      } @else {
        <div class="failed" role="alert">
          <p>{{ 'forum.newThread.loadError' | t }} {{ state.message | t }}</p>
          <button mat-stroked-button type="button" (click)="fetch()">{{ 'action.retry' | t }}</button>
        </div>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      box-sizing: border-box;
      max-width: 820px;
      margin: 0 auto;
      padding: var(--hearth-space-4) var(--hearth-space-5) var(--hearth-space-7);
    }
    @media (max-width: 600px) {
      :host { padding: var(--hearth-space-3) var(--hearth-space-4) var(--hearth-space-6); }
    }
    .crumbs {
      display: flex; flex-wrap: wrap; align-items: center; gap: var(--hearth-space-1);
      margin-bottom: var(--hearth-space-3); font: var(--mat-sys-body-medium); color: var(--mat-sys-on-surface-variant);
    }
    .crumbs a { color: inherit; text-decoration: none; }
    .crumbs a:hover, .crumbs a:focus-visible { color: var(--mat-sys-primary); text-decoration: underline; }
    .crumbs .sep { font-size: 18px; }
    h1 { margin-bottom: var(--hearth-space-4); font: var(--mat-sys-headline-small); font-weight: 600; }
    .title { width: 100%; margin-bottom: var(--hearth-space-3); }
    .failed { display: flex; flex-direction: column; align-items: flex-start; gap: var(--hearth-space-3); padding: var(--hearth-space-6) 0; }
  `,
})
export class NewThreadPage {
  private readonly api = inject(ForumApi);
  private readonly router = inject(Router);
  private readonly storage = sessionStorageOf(inject(DOCUMENT));
  protected readonly viewer = inject(ForumViewerStore);

  /** From the route (`:slug`). */
  readonly slug = input.required<string>();

  protected readonly board = signal<ForumBoard | null>(null);
  protected readonly load = signal<Load>({ kind: 'loading' });
  protected readonly title = signal('');
  protected readonly titleMin = TITLE_MIN;
  protected readonly titleMax = TITLE_MAX;
  protected readonly titleOk = computed(() => {
    const length = this.title().trim().length;
    return length >= TITLE_MIN && length <= TITLE_MAX;
  });
  /** Said once something is typed, not before. */
  protected readonly titleShort = computed(() => this.title().trim().length > 0 && this.title().trim().length < TITLE_MIN);

  private readonly composer = viewChild(ForumComposer);

  protected readonly start = (draft: ForumDraft): Observable<ForumThread> => {
    const board = this.board()!;
    return this.api.startThread({ boardId: board.id, title: this.title().trim(), body: draft.body, clientId: draft.clientId }).pipe(
      tap((thread) => {
        this.setTitle('');
        void this.router.navigate(['/forum/threads', thread.id]);
      }),
    );
  };

  constructor() {
    effect(() => {
      const slug = this.slug();
      untracked(() => {
        this.title.set(readJson<string>(this.storage, TITLE_PREFIX + slug) ?? '');
        this.fetch();
      });
    });
    // Writing needs an account: the anonymous go to sign in and come back here.
    effect(() => {
      if (this.viewer.loaded() && !this.viewer.canPost()) {
        const returnUrl = `/forum/boards/${this.slug()}/new`;
        untracked(() => void this.router.navigate(['/forum/sign-in'], { queryParams: { returnUrl }, replaceUrl: true }));
      }
    });
  }

  protected fetch(): void {
    const slug = this.slug();
    this.load.set({ kind: 'loading' });
    this.api.boards().subscribe({
      next: (boards) => {
        const board = boards.find((b) => b.slug === slug && !b.archived) ?? null;
        this.board.set(board);
        if (!board) this.load.set({ kind: 'notFound' });
      },
      error: (error: unknown) => this.load.set({ kind: 'error', message: apiErrorMessage(error) }),
    });
  }

  protected setTitle(value: string): void {
    this.title.set(value);
    const key = TITLE_PREFIX + this.slug();
    if (value) writeJson(this.storage, key, value);
    else {
      try {
        this.storage?.removeItem(key);
      } catch {
        // Storage refused: nothing was kept either.
      }
    }
  }

  protected onTitleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229) return;
    // Enter in the title moves on to the text; Ctrl/Cmd+Enter sends, as in the text.
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) this.composer()?.send();
    else this.composer()?.focus();
  }
}
