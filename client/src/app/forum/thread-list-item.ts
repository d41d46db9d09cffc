import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ForumAuthor, ForumThreadSummary } from '@hearth/contract';
import { TranslatePipe } from '../core/i18n';
import { BOARD_KIND_ICONS, FEEDBACK_STATUS_ICONS, FEEDBACK_STATUS_LABELS } from './board-kinds';
import { ForumAuthorChip } from './forum-author';
import { ForumTimePipe } from './forum-time';

/** The name a reader sees for an author (a member's display name, a staff member's name). */
export function authorName(author: ForumAuthor): string {
  return author.kind === 'member' ? author.displayName : author.name;
}

/**
 * One thread in a list: the title (to the thread), who started it, the start of the opening post,
 * the replies and who wrote the latest one, and badges for solved, locked and a suggestion's status.
 */
@Component({
  selector: 'app-forum-thread-list-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, ForumAuthorChip, ForumTimePipe],
  template: `
    @let t = thread();
    <div class="head">
      <h3 class="title">
        <a [routerLink]="['/forum/threads', t.id]">{{ t.title }}</a>
      </h3>
      @if (t.solved || t.locked || t.feedbackStatus) {
        <div class="badges">
          @if (t.feedbackStatus; as status) {
            <span class="badge status" [attr.data-status]="status">
              <span class="material-symbols-outlined" aria-hidden="true">{{ statusIcons[status] }}</span>
              {{ statusLabels[status] | t }}
            </span>
          }
          @if (t.solved) {
            <span class="badge solved">
              <span class="material-symbols-outlined" aria-hidden="true">check_circle</span>
              {{ 'forum.list.solved' | t }}
            </span>
          }
          @if (t.locked) {
            <span class="badge locked">
              <span class="material-symbols-outlined" aria-hidden="true">lock</span>
              {{ 'forum.list.locked' | t }}
            </span>
          }
        </div>
      }
    </div>

    <div class="byline">
      <app-forum-author [author]="t.author" />
      @if (showBoard()) {
        <a class="board" [routerLink]="['/forum/boards', t.board.slug]" [attr.aria-label]="'forum.list.inBoard' | t: { board: t.board.name }">
          <span class="material-symbols-outlined" aria-hidden="true">{{ kindIcons[t.board.kind] }}</span>
          {{ t.board.name }}
        </a>
      }
    </div>

    @if (t.excerpt) {
      <p class="excerpt">{{ t.excerpt }}</p>
    }

    <p class="meta">
      <span class="replies">
        <span class="material-symbols-outlined" aria-hidden="true">chat_bubble</span>
        @if (t.replyCount > 0) {
          {{ 'forum.list.replies' | t: { count: t.replyCount } }}
        } @else {
          {{ 'forum.list.noReplies' | t }}
        }
      </span>
      <span class="dot" aria-hidden="true">·</span>
      <time class="last" [attr.datetime]="t.lastActivityAt">
        @if (t.replyCount > 0) {
          {{ 'forum.list.repliedBy' | t: { name: lastPosterName(t), time: (t.lastActivityAt | forumTime) } }}
        } @else {
          {{ 'forum.list.postedAt' | t: { time: (t.createdAt | forumTime) } }}
        }
      </time>
    </p>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: var(--hearth-space-2);
      padding: var(--hearth-space-4) var(--hearth-space-5);
    }
    .head {
      display: flex;
      align-items: flex-start;
      justify-content: space-between;
      gap: var(--hearth-space-3);
    }
    .title {
      font: var(--mat-sys-title-medium);
      font-weight: 600;
      line-height: 1.45;
      overflow-wrap: anywhere;
    }
    .title a {
      color: var(--mat-sys-on-surface);
      text-decoration: none;
    }
    .title a:hover,
    .title a:focus-visible {
      color: var(--mat-sys-primary);
      text-decoration: underline;
      text-underline-offset: 3px;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: var(--hearth-space-1);
      flex-shrink: 0;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      padding: 0 8px 0 6px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      line-height: 24px;
      white-space: nowrap;
    }
    .badge .material-symbols-outlined {
      font-size: 16px;
    }
    .solved {
      background: #e6f4ea;
      color: #1e6b34;
    }
    .locked {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    .status {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .status[data-status='planned'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .status[data-status='shipped'] {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .byline {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--hearth-space-2) var(--hearth-space-3);
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .board {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      color: var(--mat-sys-on-surface-variant);
      text-decoration: none;
    }
    .board:hover,
    .board:focus-visible {
      color: var(--mat-sys-primary);
    }
    .board .material-symbols-outlined {
      font-size: 16px;
    }
    .excerpt {
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
      font: var(--mat-sys-body-medium);
      line-height: 1.65;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--hearth-space-1) var(--hearth-space-2);
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .replies {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .replies .material-symbols-outlined {
      font-size: 16px;
    }
    @media (max-width: 480px) {
      :host {
        padding: var(--hearth-space-4);
      }
      .head {
        flex-direction: column;
        gap: var(--hearth-space-1);
      }
      .badges {
        justify-content: flex-start;
        order: -1;
      }
    }
  `,
})
export class ThreadListItem {
  readonly thread = input.required<ForumThreadSummary>();
  /** Across boards (the home page): name the board each thread is in. */
  readonly showBoard = input(false);

  protected readonly kindIcons = BOARD_KIND_ICONS;
  protected readonly statusIcons = FEEDBACK_STATUS_ICONS;
  protected readonly statusLabels = FEEDBACK_STATUS_LABELS;

  protected lastPosterName(thread: ForumThreadSummary): string {
    return authorName(thread.lastPoster);
  }
}
