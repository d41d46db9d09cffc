import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer, detail, safeUrl } from './event-renderer';

/** Forum: the thread it belongs to, its board, a link to read it there. */
@Component({
  selector: 'app-forum-post-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    @if (title()) {
      <p class="thread">
        @if (url(); as url) {
          <a [href]="url" target="_blank" rel="noopener noreferrer">{{ title() }}</a>
        } @else {
          {{ title() }}
        }
      </p>
    }
    @if (board(); as board) {
      <p class="label">{{ 'event.forum.board' | t: { board: board } }}</p>
    }
    <p class="body post">{{ event().body }}</p>
  `,
  styles: `
  .body { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
  .label { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .thread { font: var(--mat-sys-title-small); margin-bottom: 2px; }
    .post { margin-top: 6px; padding-left: 12px; border-left: 3px solid #c9b3f5; }
  `,
})
export class ForumPostEvent implements EventRenderer {
  readonly event = input.required<TimelineEvent>();
  protected readonly title = computed(() => detail(this.event(), 'threadTitle'));
  protected readonly board = computed(() => detail(this.event(), 'board'));
  protected readonly url = computed(() => safeUrl(detail(this.event(), 'url')));
}
