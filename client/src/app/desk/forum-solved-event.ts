import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n, TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer, detail } from './event-renderer';
import { forumSolvedLine, forumThreadUrl } from './forum-event';

/**
 * A forum thread was solved. Told as help given — whose answer helped whom — never as a score:
 * on the asker's timeline "小米（资深粉丝） 的回答帮到了 TA", on the helper's a thank-you.
 */
@Component({
  selector: 'app-forum-solved-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <div class="solved">
      <span class="material-symbols-outlined icon" aria-hidden="true">check_circle</span>
      <div class="text">
        <p class="title">
          @if (url(); as url) {
            <a [href]="url" target="_blank" rel="noopener noreferrer"
              >{{ 'forumDesk.solved.title' | t: { thread: title() } }}<span class="visually-hidden">{{ 'forumDesk.post.newTab' | t }}</span></a
            >
          } @else {
            {{ 'forumDesk.solved.title' | t: { thread: title() } }}
          }
        </p>
        @if (helped(); as helped) {
          <p class="helped">{{ helped }}</p>
        }
        @if (board(); as board) {
          <p class="label">{{ 'event.forum.board' | t: { board: board } }}</p>
        }
      </div>
    </div>
  `,
  styles: `
    .solved { display: flex; gap: 10px; align-items: flex-start; }
    .icon { color: #1e8e3e; font-size: 22px; margin-top: 1px; font-variation-settings: 'FILL' 1; }
    .text { min-width: 0; }
    .title { font: var(--mat-sys-title-small); overflow-wrap: anywhere; }
    .title a { color: var(--mat-sys-primary); text-decoration: none; }
    .title a:hover, .title a:focus-visible { text-decoration: underline; }
    .helped { margin-top: 2px; font: var(--mat-sys-body-medium); line-height: 1.6; }
    .label { margin-top: 2px; font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
  `,
})
export class ForumSolvedEvent implements EventRenderer {
  private readonly i18n = inject(I18n);

  readonly event = input.required<TimelineEvent>();

  protected readonly title = computed(() => detail(this.event(), 'threadTitle') ?? '');
  protected readonly board = computed(() => detail(this.event(), 'board'));
  protected readonly url = computed(() => forumThreadUrl(this.event()));
  protected readonly helped = computed(() => forumSolvedLine(this.event(), (key, params) => this.i18n.t(key, params)));
}
