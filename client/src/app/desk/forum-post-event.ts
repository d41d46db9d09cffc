import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { FORM_DIALOG } from '../shared/dialog-options';
import { CaseFlow } from './cases/case-flow';
import type { TimelineEvent } from './customer';
import { EventRenderer, detail } from './event-renderer';
import { forumHiddenReason, forumImages, forumThreadId, forumThreadUrl } from './forum-event';
import { ForumReplyDialog, ForumReplyTarget } from './forum-reply-dialog';

/**
 * Forum: what the person did (started the thread, replied — a senior fan's or staff reply in this
 * customer's own thread says so), the thread as a link to read it in the forum, its board, the
 * post's words and pictures, and whether staff hid it from the forum and why; on a customer's
 * page, a reply as staff.
 */
@Component({
  selector: 'app-forum-post-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <p class="what">
      @if (badge(); as badge) {
        <span class="badge" [class]="badge.kind">{{ badge.label | t }}</span>
      }
      @if (verb(); as verb) {
        <span class="verb">{{ verb | t }}</span>
      }
      @if (title(); as title) {
        @if (url(); as url) {
          <a class="thread" [href]="url" target="_blank" rel="noopener noreferrer"
            >「{{ title }}」<span class="visually-hidden">{{ 'forumDesk.post.newTab' | t }}</span></a
          >
        } @else {
          <span class="thread">「{{ title }}」</span>
        }
      }
    </p>
    @if (board(); as board) {
      <p class="label">{{ 'event.forum.board' | t: { board: board } }}</p>
    }
    @if (hiddenReason(); as reason) {
      <p class="hidden-note">
        <span class="material-symbols-outlined" aria-hidden="true">visibility_off</span>
        {{ 'forumDesk.post.hidden' | t: { reason: reason } }}
      </p>
    }
    @if (event().body) {
      <p class="body post" [class.was-hidden]="hiddenReason() !== null">{{ event().body }}</p>
    }
    @if (images().length) {
      <ul class="images" [attr.aria-label]="'forumDesk.post.images' | t">
        @for (image of images(); track image.id; let i = $index) {
          <li>
            <a [href]="image.url" target="_blank" rel="noopener noreferrer">
              <img [src]="image.thumbUrl" [alt]="'forumDesk.post.openImage' | t: { n: i + 1 }" loading="lazy" decoding="async" />
            </a>
          </li>
        }
      </ul>
    }
    @if (canReply()) {
      <div class="actions">
        <button mat-button type="button" (click)="reply()">
          <span class="material-symbols-outlined" aria-hidden="true">reply</span>
          {{ 'forumDesk.reply.action' | t }}
        </button>
      </div>
    }
  `,
  styles: `
    .what { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 6px; margin-bottom: 2px; }
    .verb { font: var(--mat-sys-body-medium); color: var(--mat-sys-on-surface-variant); }
    .thread { font: var(--mat-sys-title-small); overflow-wrap: anywhere; }
    a.thread { color: var(--mat-sys-primary); text-decoration: none; }
    a.thread:hover, a.thread:focus-visible { text-decoration: underline; }
    .badge { padding: 0 8px; border-radius: 999px; font: var(--mat-sys-label-small); line-height: 20px; }
    .badge.fan { background: #fde7ef; color: #9c2257; }
    .badge.staff { background: #e3efff; color: #174ea6; }
    .label { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .body { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
    .post { margin-top: 6px; padding-left: 12px; border-left: 3px solid #c9b3f5; }
    .post.was-hidden { color: var(--mat-sys-on-surface-variant); border-left-color: var(--mat-sys-outline-variant); }
    .hidden-note { display: flex; align-items: center; gap: 4px; margin-top: 4px; font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); overflow-wrap: anywhere; }
    .hidden-note .material-symbols-outlined { font-size: 16px; }
    .images { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 0 15px; padding: 0; list-style: none; }
    .images a { display: block; border-radius: 8px; }
    /* A fixed box, so the timeline's measured rows don't move while pictures load. */
    .images img { display: block; width: 64px; height: 64px; object-fit: cover; border-radius: 8px; background: var(--mat-sys-surface-container); }
    .actions { margin: 4px 0 -4px -12px; }
    .actions .material-symbols-outlined { font-size: 18px; margin-inline-end: 4px; vertical-align: -4px; }
  `,
})
export class ForumPostEvent implements EventRenderer {
  private readonly dialog = inject(MatDialog);
  /** Present on a customer's page; elsewhere the event only reads. */
  private readonly caseFlow = inject(CaseFlow, { optional: true });

  readonly event = input.required<TimelineEvent>();

  protected readonly title = computed(() => detail(this.event(), 'threadTitle'));
  protected readonly board = computed(() => detail(this.event(), 'board'));
  protected readonly url = computed(() => forumThreadUrl(this.event()));
  protected readonly images = computed(() => forumImages(this.event()));
  protected readonly hiddenReason = computed(() => forumHiddenReason(this.event()));

  /** A reply by someone else lands on the thread starter's timeline too: say whose it was. */
  protected readonly badge = computed((): { kind: string; label: MessageKey } | null => {
    const type = this.event().author.type;
    if (type === 'fan') return { kind: 'fan', label: 'forumDesk.badge.fan' };
    if (type === 'staff') return { kind: 'staff', label: 'forumDesk.badge.staff' };
    return null;
  });

  protected readonly verb = computed((): MessageKey | null => {
    const event = this.event();
    const opening = event.details?.['isOpening'];
    if (opening === true) return 'forumDesk.post.opened';
    const someoneElse = event.author.type === 'staff' || (event.author.id !== null && event.author.id !== event.customerId);
    if (someoneElse) return 'forumDesk.post.repliedToTheirs';
    // Older events don't say whether they opened their thread: no verb rather than a wrong one.
    return opening === false ? 'forumDesk.post.replied' : null;
  });

  protected readonly canReply = computed(() => !!this.caseFlow && !!forumThreadId(this.event()));

  protected reply(): void {
    const threadId = forumThreadId(this.event());
    if (!threadId) return;
    const data: ForumReplyTarget = { threadId, title: this.title() ?? '' };
    this.dialog.open(ForumReplyDialog, { ...FORM_DIALOG, data, width: '560px' });
  }
}
