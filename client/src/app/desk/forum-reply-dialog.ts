import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ForumPost } from '@hearth/contract';
import { newClientId } from '../../shared/client-id';
import { apiErrorCode, apiErrorMessage, apiErrorStatus } from '../core/api-error';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { ForumApi } from '../forum/forum-api';
import { FormError } from '../shared/form-error';

/** The thread a staff reply goes to. */
export interface ForumReplyTarget {
  readonly threadId: string;
  readonly title: string;
}

/** The server's limit on a post's Markdown. */
export const FORUM_POST_MAX = 10_000;

const REPLY_ERRORS: Readonly<Record<string, MessageKey>> = {
  'forum.thread_locked': 'forumDesk.reply.error.locked',
  'forum.thread_not_found': 'forumDesk.reply.error.notFound',
  'forum.sign_in_required': 'forumDesk.reply.error.signIn',
  rate_limited: 'forumDesk.reply.error.rateLimited',
};

/** Why a reply was not posted, in the reader's language. */
export function replyErrorKey(error: unknown): MessageKey {
  if (!apiErrorCode(error) && apiErrorStatus(error) === 429) return 'forumDesk.reply.error.rateLimited';
  return apiErrorMessage(error, REPLY_ERRORS);
}

/**
 * What was typed for a thread and the id it is (or will be) sent under. Kept while the desk is open,
 * so a dialog closed by mistake or a failed send loses no words, and sending again after an answer
 * that never came back stores one post, not two.
 */
interface Draft {
  text: string;
  readonly clientId: string;
}
const drafts = new Map<string, Draft>();

function draftFor(threadId: string): Draft {
  let draft = drafts.get(threadId);
  if (!draft) {
    draft = { text: '', clientId: newClientId() };
    drafts.set(threadId, draft);
  }
  return draft;
}

/** Forget every kept draft (tests). */
export function clearForumReplyDrafts(): void {
  drafts.clear();
}

/**
 * Replies in a customer's forum thread as staff (the post carries a staff badge). The reply reaches
 * the timeline by itself, through the server's timeline events; this only sends it and says so.
 */
@Component({
  selector: 'app-forum-reply-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormError, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'forumDesk.reply.title' | t }}</h2>
    <form (submit)="$event.preventDefault(); send()" novalidate>
      <mat-dialog-content class="fields">
        <p class="thread">{{ 'forumDesk.reply.thread' | t: { thread: target.title } }}</p>
        <p class="public">
          <span class="material-symbols-outlined" aria-hidden="true">public</span>
          {{ 'forumDesk.reply.public' | t }}
        </p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'forumDesk.reply.label' | t }}</mat-label>
          <textarea
            matInput
            required
            rows="6"
            [placeholder]="'forumDesk.reply.placeholder' | t"
            [value]="text()"
            [attr.aria-invalid]="!!problem()"
            (input)="edit($any($event.target).value)"
            (keydown.control.enter)="send()"
            (keydown.meta.enter)="send()"
          ></textarea>
          <mat-hint>{{ 'forumDesk.reply.hint' | t }}</mat-hint>
        </mat-form-field>
        @if (problem(); as problem) {
          <p class="field-error" role="alert">{{ problem }}</p>
        }
        <app-form-error [key]="serverError()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="pending()">{{ 'action.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="pending()" [attr.aria-busy]="pending()">
          {{ 'forumDesk.reply.send' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    form { display: contents; }
    .fields { display: flex; flex-direction: column; gap: var(--hearth-space-2); padding-top: var(--hearth-space-2) !important; }
    .thread { font: var(--mat-sys-title-small); overflow-wrap: anywhere; }
    .public { display: flex; align-items: flex-start; gap: 6px; margin-bottom: var(--hearth-space-2); font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .public .material-symbols-outlined { font-size: 18px; }
    mat-form-field { width: 100%; }
    .field-error { margin: -4px 0 4px 16px; color: var(--mat-sys-error); font: var(--mat-sys-body-small); }
    mat-dialog-actions button { min-height: 40px; }
  `,
})
export class ForumReplyDialog {
  private readonly api = inject(ForumApi);
  private readonly i18n = inject(I18n);
  private readonly snackBar = inject(MatSnackBar);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly dialogRef = inject<MatDialogRef<ForumReplyDialog, ForumPost>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly target = inject<ForumReplyTarget>(MAT_DIALOG_DATA);
  private readonly draft = draftFor(this.target.threadId);

  protected readonly text = signal(this.draft.text);
  protected readonly tried = signal(false);
  protected readonly pending = signal(false);
  protected readonly serverError = signal<MessageKey | null>(null);

  /** What is wrong with the text (shown once a send was tried, or as soon as it is too long). */
  protected readonly problem = computed(() => {
    const text = this.text();
    if (text.length > FORUM_POST_MAX) return this.i18n.t('forumDesk.reply.tooLong', { count: text.length });
    return this.tried() && !text.trim() ? this.i18n.t('forumDesk.reply.required') : null;
  });

  protected edit(text: string): void {
    this.text.set(text);
    this.draft.text = text;
  }

  protected send(): void {
    if (this.pending()) return;
    this.tried.set(true);
    const body = this.text().trim();
    if (!body || this.problem()) return;
    this.pending.set(true);
    this.serverError.set(null);
    this.dialogRef.disableClose = true;
    this.api
      .reply(this.target.threadId, { body, clientId: this.draft.clientId })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (post) => this.sent(post),
        error: (error: unknown) => {
          this.pending.set(false);
          this.dialogRef.disableClose = false;
          this.serverError.set(replyErrorKey(error));
        },
      });
  }

  private sent(post: ForumPost): void {
    drafts.delete(this.target.threadId);
    const url = `/forum/threads/${encodeURIComponent(post.threadId || this.target.threadId)}#post-${encodeURIComponent(post.id)}`;
    this.snackBar
      .open(this.i18n.t('forumDesk.reply.sent'), this.i18n.t('forumDesk.reply.view'), { duration: 6000 })
      .onAction()
      .subscribe(() => this.window?.open(url, '_blank', 'noopener'));
    this.dialogRef.close(post);
  }
}
