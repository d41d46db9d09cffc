import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { TimelineEvent } from '@hearth/contract';
import { I18n, MessageKey } from '../../core/i18n';
import { ChannelIcon } from '../channel-icon';
import { storeVisitView } from '../store-visit';
import { calendarDate, clockTime } from '../timeline-rows';

const AUTHOR_FALLBACK: Readonly<Record<TimelineEvent['author']['type'], MessageKey>> = {
  customer: 'author.customer',
  staff: 'author.staff',
  fan: 'author.fan',
  system: 'author.system',
};

/** A line of text that stands for an event: its body, or what a visit or a picture was. */
export function excerptText(event: TimelineEvent, t: (key: MessageKey) => string): string {
  const body = event.body.trim();
  if (body) return body;
  if (event.kind === 'store.visit') {
    const visit = storeVisitView(event, t);
    return [visit.storeName, visit.reasons.join('、'), visit.actions].filter(Boolean).join(' · ');
  }
  if (event.details?.['image']) return t('event.image');
  return event.kind;
}

/** One event in short: channel, author, when, and the first lines of what was said or done. */
@Component({
  selector: 'app-event-excerpt',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChannelIcon],
  template: `
    <p class="meta">
      <app-channel-icon [channel]="event().channel" />
      <span class="author">{{ author() }}</span>
      <time [attr.datetime]="event().occurredAt">{{ when() }}</time>
    </p>
    <p class="text">{{ text() }}</p>
  `,
  styles: `
    :host { display: block; min-width: 0; }
    .meta { display: flex; align-items: center; gap: 6px; font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); --channel-icon-size: 20px; }
    .author { color: var(--mat-sys-on-surface); font-weight: 600; }
    .text {
      margin-top: 2px;
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
      white-space: pre-wrap;
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
  `,
})
export class EventExcerpt {
  private readonly i18n = inject(I18n);
  readonly event = input.required<TimelineEvent>();

  protected readonly author = computed(
    () => this.event().author.name ?? this.i18n.t(AUTHOR_FALLBACK[this.event().author.type] ?? 'author.system'),
  );
  protected readonly when = computed(() => {
    const lang = this.i18n.lang();
    return `${calendarDate(this.event().occurredAt, lang)} ${clockTime(this.event().occurredAt, lang)}`;
  });
  protected readonly text = computed(() => excerptText(this.event(), (key) => this.i18n.t(key)));
}
