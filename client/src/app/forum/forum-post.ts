import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ForumPost } from '@hearth/contract';
import { I18n, Lang, TranslatePipe } from '../core/i18n';
import { plainTime, plainTimeWords } from '../desk/inbox-list';
import { clockTime } from '../desk/timeline-rows';
import { ForumAuthorChip } from './forum-author';

/** When a post was written: "14:20", "昨天 14:20", "3月5日 14:20". */
export function postTime(iso: string, now: Date, lang: Lang, i18n: Pick<I18n, 't'>): string {
  const plain = plainTime(iso, now, lang);
  return plain.kind === 'date' ? `${plain.date} ${clockTime(iso, lang)}` : plainTimeWords(plain, i18n);
}

/** What a reader may do with a post (the page works out who may). */
export interface PostActions {
  /** Accept it as the answer (the thread's starter, or a moderator). */
  readonly accept: boolean;
  /** Take back the accepted answer. */
  readonly unaccept: boolean;
  /** Hide / unhide (moderators). */
  readonly moderate: boolean;
}

export const NO_POST_ACTIONS: PostActions = { accept: false, unaccept: false, moderate: false };

/**
 * One post: author (with badges), time, the server's sanitised HTML and, where allowed, accept /
 * hide. Its element carries the id `post-<id>` that deep links (`#post-<id>`) point to.
 */
@Component({
  selector: 'app-forum-post',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, ForumAuthorChip, TranslatePipe],
  host: {
    '[attr.id]': "anchored() ? 'post-' + post().id : null",
    '[class.hidden-post]': '!!post().hidden',
    '[class.targeted]': 'targeted()',
    role: 'article',
    '[attr.aria-label]': 'label()',
  },
  template: `
    @let p = post();
    <header class="head">
      <app-forum-author [author]="p.author" />
      @if (starter() && !p.isOpening) {
        <span class="tag">{{ 'forum.post.starter' | t }}</span>
      }
      <time class="time" [attr.datetime]="p.createdAt" [title]="fullTime()">{{ time() }}</time>
      @if (p.isSolution && !p.isOpening && anchored()) {
        <span class="solution-tag">
          <span class="material-symbols-outlined" aria-hidden="true">check_circle</span>{{ 'forum.post.solution' | t }}
        </span>
      }
    </header>
    @if (p.hidden; as hidden) {
      <p class="hidden-note">
        <span class="material-symbols-outlined" aria-hidden="true">visibility_off</span>
        {{ 'forum.post.hidden' | t: { reason: hidden.reason } }}
      </p>
    }
    <div class="forum-post-body" [innerHTML]="p.html"></div>
    @let a = actions();
    @if (a.accept || a.unaccept || a.moderate) {
      <footer class="actions">
        @if (a.unaccept) {
          <button mat-button type="button" [disabled]="busy()" (click)="unaccept.emit()">
            <span class="material-symbols-outlined" aria-hidden="true">undo</span>{{ 'forum.post.unaccept' | t }}
          </button>
        } @else if (a.accept) {
          <button mat-button type="button" [disabled]="busy()" (click)="accept.emit()">
            <span class="material-symbols-outlined" aria-hidden="true">task_alt</span>{{ 'forum.post.accept' | t }}
          </button>
        }
        @if (a.moderate) {
          @if (p.hidden) {
            <button mat-button type="button" class="moderate" [disabled]="busy()" (click)="unhide.emit()">
              <span class="material-symbols-outlined" aria-hidden="true">visibility</span>{{ 'forum.post.unhide' | t }}
            </button>
          } @else {
            <button mat-button type="button" class="moderate" [disabled]="busy()" (click)="hide.emit()">
              <span class="material-symbols-outlined" aria-hidden="true">visibility_off</span>{{ 'forum.post.hide' | t }}
            </button>
          }
        }
      </footer>
    }
  `,
  styleUrl: './forum-post.scss',
})
export class ForumPostView {
  private readonly i18n = inject(I18n);

  readonly post = input.required<ForumPost>();
  /** Written by whoever started the thread (a small 楼主 tag on their replies). */
  readonly starter = input(false);
  readonly actions = input<PostActions>(NO_POST_ACTIONS);
  readonly busy = input(false);
  /** Carries the `post-<id>` anchor (not a copy of it, like the solution card's). */
  readonly anchored = input(true);
  /** The post a link pointed at: softly marked. */
  readonly targeted = input(false);

  readonly accept = output<void>();
  readonly unaccept = output<void>();
  readonly hide = output<void>();
  readonly unhide = output<void>();

  protected readonly time = computed(() => postTime(this.post().createdAt, new Date(), this.i18n.lang(), this.i18n));
  protected readonly fullTime = computed(() => new Date(this.post().createdAt).toLocaleString(this.i18n.lang()));
  protected readonly label = computed(() => {
    const author = this.post().author;
    return this.i18n.t('forum.post.label', { name: author.kind === 'member' ? author.displayName : author.name });
  });
}
