import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { Story, ThanksNote } from '@hearth/contract';
import { Observable, Subscription } from 'rxjs';
import { apiErrorMessage, apiErrorStatus } from '../core/api-error';
import { Auth } from '../core/auth';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { calendarDate } from '../desk/timeline-rows';
import { FORM_DIALOG } from '../shared/dialog-options';
import { EmptyState } from '../shared/empty-state';
import { EventExcerpt } from '../shared/event-excerpt';
import { nameList } from '../shared/names';
import { navRoles } from '../shell/nav-items';
import { HighlightDialog, HighlightDialogData } from './highlight-dialog';
import { StoriesApi, exportUrl } from './stories-api';
import { StoryGestures } from './story-gestures';
import { excerptEvents, paragraphs } from './story-text';
import { ThanksDialog, ThanksDialogData } from './thanks-dialog';

type Load = { readonly kind: 'loading' } | { readonly kind: 'error'; readonly message: MessageKey; readonly notFound: boolean };

/** Managers and admins highlight stories and thank the people in them. */
export function canCurate(role: string | undefined): boolean {
  return role === 'manager' || role === 'admin';
}

/** `/stories/:caseId`: one resolved case, read as an article. */
@Component({
  selector: 'app-story-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, EmptyState, EventExcerpt, StoryGestures, TranslatePipe],
  templateUrl: './story-page.html',
  styleUrl: './story-page.scss',
})
export class StoryPage {
  private readonly api = inject(StoriesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly auth = inject(Auth);
  protected readonly i18n = inject(I18n);

  /** From the route (`:caseId`). */
  readonly caseId = input.required<string>();

  protected readonly story = signal<Story | null>(null);
  protected readonly load = signal<Load>({ kind: 'loading' });
  protected readonly busy = signal(false);
  private request?: Subscription;

  protected readonly curator = computed(() => canCurate(this.auth.staff()?.role));
  protected readonly deskReader = computed(() => {
    const role = this.auth.staff()?.role;
    return !!role && navRoles('/desk').includes(role);
  });
  /** Helpers a manager may thank: everyone who helped but themself. */
  protected readonly thankable = computed(() => {
    const me = this.auth.staff()?.id;
    return this.story()?.helpers.filter((h) => h.id !== me) ?? [];
  });
  protected readonly resolved = computed(() => {
    const story = this.story();
    return story ? calendarDate(story.resolvedAt, this.i18n.lang()) : '';
  });
  protected readonly helpers = computed(() => nameList(this.story()?.helpers ?? [], this.i18n));
  protected readonly excerpts = computed(() => excerptEvents(this.story()?.excerpts ?? []));
  protected readonly exportHref = computed(() => exportUrl([this.caseId()], this.i18n.lang()));
  protected readonly paragraphs = paragraphs;

  constructor() {
    effect(() => {
      const caseId = this.caseId();
      untracked(() => this.fetch(caseId));
    });
  }

  protected retry(): void {
    this.fetch(this.caseId());
  }

  protected date(iso: string): string {
    return calendarDate(iso, this.i18n.lang());
  }

  protected highlight(): void {
    const story = this.story();
    if (!story) return;
    this.dialog
      .open<HighlightDialog, HighlightDialogData, string>(HighlightDialog, { ...FORM_DIALOG, data: { title: story.title } })
      .afterClosed()
      .subscribe((note) => {
        if (note !== undefined) this.change(this.api.highlight(story.caseId, note || null), 'stories.highlighted');
      });
  }

  protected unhighlight(): void {
    const story = this.story();
    if (story) this.change(this.api.unhighlight(story.caseId), 'stories.unhighlighted');
  }

  protected thank(): void {
    const story = this.story();
    if (!story) return;
    this.dialog
      .open<ThanksDialog, ThanksDialogData, ThanksNote>(ThanksDialog, {
        ...FORM_DIALOG,
        data: { caseId: story.caseId, title: story.title, helpers: this.thankable() },
      })
      .afterClosed()
      .subscribe((note) => {
        if (!note) return;
        this.story.update((s) => (s && s.caseId === note.caseId ? { ...s, thanks: [...s.thanks.filter((n) => n.id !== note.id), note] } : s));
        this.snackBar.open(this.i18n.t('stories.thanks.sent', { name: note.to.name }), undefined, { duration: 4000 });
      });
  }

  private change(request: Observable<Story>, done: MessageKey): void {
    this.busy.set(true);
    request.subscribe({
      next: (story) => {
        this.busy.set(false);
        this.story.set(story);
        this.snackBar.open(this.i18n.t(done), undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.snackBar.open(this.i18n.t(apiErrorMessage(error)), this.i18n.t('action.dismiss'), { duration: 6000 });
      },
    });
  }

  private fetch(caseId: string): void {
    this.request?.unsubscribe();
    this.story.set(null);
    this.load.set({ kind: 'loading' });
    this.request = this.api.story(caseId).subscribe({
      next: (story) => this.story.set(story),
      error: (error: unknown) =>
        this.load.set({
          kind: 'error',
          message: apiErrorMessage(error, { 'story.not_found': 'stories.story.notFoundBody' }),
          notFound: apiErrorStatus(error) === 404,
        }),
    });
  }
}
