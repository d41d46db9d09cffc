import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ForumFeedbackStatus } from '@hearth/contract';
import type { MaterialSymbol } from 'material-symbols';
import { I18n, TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer, detail } from './event-renderer';
import { FEEDBACK_STATUS_LABELS, forumStatusTitle, forumThreadUrl, isFeedbackStatus } from './forum-event';

const STATUS_ICONS: Readonly<Record<ForumFeedbackStatus, MaterialSymbol>> = {
  heard: 'hearing',
  planned: 'event_upcoming',
  shipped: 'rocket_launch',
};

/**
 * Staff moved a product suggestion this customer took part in along: heard → planned → shipped,
 * with the note they left for the participants and where it was before.
 */
@Component({
  selector: 'app-forum-status-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <div class="status" [class]="status() ?? ''">
      <span class="material-symbols-outlined icon" aria-hidden="true">{{ icon() }}</span>
      <div class="text">
        <p class="title">
          @if (url(); as url) {
            <a [href]="url" target="_blank" rel="noopener noreferrer"
              >{{ title() }}<span class="visually-hidden">{{ 'forumDesk.post.newTab' | t }}</span></a
            >
          } @else {
            {{ title() }}
          }
        </p>
        @if (previous(); as previous) {
          <p class="label">{{ 'forumDesk.status.previous' | t: { status: previous | t } }}</p>
        }
        @if (note(); as note) {
          <blockquote class="note">
            <p class="label">{{ 'forumDesk.status.note' | t }}</p>
            <p class="body">{{ note }}</p>
          </blockquote>
        }
      </div>
    </div>
  `,
  styles: `
    .status { display: flex; gap: 10px; align-items: flex-start; }
    .icon { font-size: 22px; margin-top: 1px; color: #6034b0; }
    .shipped .icon { color: #1e8e3e; }
    .text { min-width: 0; flex: 1; }
    .title { font: var(--mat-sys-title-small); overflow-wrap: anywhere; }
    .title a { color: var(--mat-sys-primary); text-decoration: none; }
    .title a:hover, .title a:focus-visible { text-decoration: underline; }
    .label { margin-top: 2px; font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .note { margin: 6px 0 0; padding-left: 12px; border-left: 3px solid #c9b3f5; }
    .note .label { margin: 0; }
    .body { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
  `,
})
export class ForumStatusEvent implements EventRenderer {
  private readonly i18n = inject(I18n);

  readonly event = input.required<TimelineEvent>();

  protected readonly status = computed(() => {
    const status = this.event().details?.['status'];
    return isFeedbackStatus(status) ? status : null;
  });
  protected readonly icon = computed((): MaterialSymbol => STATUS_ICONS[this.status() ?? 'heard']);
  /** The status heading, or (an event without a status) what the server wrote. */
  protected readonly title = computed(() => forumStatusTitle(this.event(), (key, params) => this.i18n.t(key, params)) ?? this.event().body);
  protected readonly previous = computed(() => {
    const previous = this.event().details?.['previousStatus'];
    return isFeedbackStatus(previous) ? FEEDBACK_STATUS_LABELS[previous] : null;
  });
  protected readonly note = computed(() => detail(this.event(), 'note')?.trim() || null);
  protected readonly url = computed(() => forumThreadUrl(this.event()));
}
