import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { TimelineEvent } from '@hearth/contract';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { ChannelIcon } from '../desk/channel-icon';
import { detail } from '../desk/event-renderer';
import { storeVisitView } from '../desk/store-visit';
import { calendarDate, clockTime } from '../desk/timeline-rows';
import { channelName } from '../desk/customer';

const AUTHOR_FALLBACK: Readonly<Record<TimelineEvent['author']['type'], MessageKey>> = {
  customer: 'author.customer',
  staff: 'author.staff',
  fan: 'author.fan',
  system: 'author.system',
};

/** The case's own bookkeeping events: the story tells them already, in its own sections. */
const TOLD_ELSEWHERE = new Set(['case.opened', 'case.resolved', 'gesture']);

/** The events worth quoting in a story, oldest first. */
export function excerptEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events.filter((e) => !TOLD_ELSEWHERE.has(e.kind));
}

/** What an event says, as one short text for reading or printing. */
export function excerptText(event: TimelineEvent, t: (key: MessageKey) => string): string {
  if (event.kind === 'store.visit') {
    const visit = storeVisitView(event, t);
    const parts = [visit.reasons.join(' · '), visit.reasonText, visit.actions, visit.outcome].filter(
      (p): p is string => !!p,
    );
    const text = parts.length ? parts.join(' — ') : (visit.body ?? event.body);
    return visit.storeName ? `${visit.storeName}：${text}` : text;
  }
  if (event.kind === 'forum.post') {
    const thread = detail(event, 'threadTitle');
    return thread ? `「${thread}」${event.body}` : event.body;
  }
  return event.body.trim() || (event.details?.['image'] ? t('stories.excerpt.image') : '');
}

/** One moment of the case as a quote: channel, who, when, what they said. */
@Component({
  selector: 'app-story-excerpt',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChannelIcon, TranslatePipe],
  template: `
    <div class="meta">
      <app-channel-icon [channel]="event().channel" />
      <span class="author">{{ event().author.name ?? (authorFallback() | t) }}</span>
      <span class="channel">{{ channel() }}</span>
      <time [attr.datetime]="event().occurredAt">{{ when() }}</time>
    </div>
    <p class="text" [class.customer]="event().author.type === 'customer'">{{ text() }}</p>
  `,
  styles: `
    :host {
      display: block;
      --channel-icon-size: 24px;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .author {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface);
    }
    .channel::before {
      content: '·';
      margin-right: 8px;
    }
    time::before {
      content: '·';
      margin-right: 8px;
    }
    .text {
      margin: 6px 0 0 32px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      line-height: 1.8;
    }
  `,
})
export class StoryExcerpt {
  private readonly i18n = inject(I18n);

  readonly event = input.required<TimelineEvent>();

  protected readonly channel = computed(() => channelName(this.event().channel, (key) => this.i18n.t(key)));
  protected readonly when = computed(() => {
    const at = this.event().occurredAt;
    const lang = this.i18n.lang();
    return `${calendarDate(at, lang)} ${clockTime(at, lang)}`;
  });
  protected readonly text = computed(() => excerptText(this.event(), (key) => this.i18n.t(key)));
  protected readonly authorFallback = computed(() => AUTHOR_FALLBACK[this.event().author.type] ?? 'author.system');
}
