import { ChangeDetectionStrategy, Component, booleanAttribute, computed, inject, input } from '@angular/core';
import type { TimelineEvent } from '@hearth/contract';
import { I18n, MessageKey, MessageParams } from '../core/i18n';
import { ChannelIcon } from '../desk/channel-icon';
import { channelName } from '../desk/customer';
import { detail } from '../desk/event-renderer';
import { forumExcerpt } from '../desk/forum-event';
import { storeVisitView } from '../desk/store-visit';
import { calendarDate, clockTime } from '../desk/timeline-rows';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const AUTHOR_FALLBACK: Readonly<Record<TimelineEvent['author']['type'], MessageKey>> = {
  customer: 'author.customer',
  staff: 'author.staff',
  fan: 'author.fan',
  system: 'author.system',
};

/** Who wrote or did it: their name, or what they are (顾客, 系统 …) when the event names nobody. */
export function authorName(author: TimelineEvent['author'], t: Translate): string {
  return author.name ?? t(AUTHOR_FALLBACK[author.type] ?? 'author.system');
}

/** What an event says, as one short text: its words, what a visit was, a forum thread (or its answer or status), a picture. */
export function excerptText(event: TimelineEvent, t: Translate): string {
  if (event.kind === 'store.visit') {
    const visit = storeVisitView(event, t);
    const parts = [visit.reasons.join(' · '), visit.reasonText, visit.actions, visit.outcome].filter(
      (p): p is string => !!p,
    );
    const text = parts.length ? parts.join(' — ') : (visit.body ?? event.body.trim());
    return visit.storeName ? t('shared.excerpt.place', { place: visit.storeName, text }) : text;
  }
  const body = event.body.trim();
  if (event.kind === 'forum.post') {
    const thread = detail(event, 'threadTitle');
    if (thread) return t('shared.excerpt.thread', { thread, text: body });
  }
  const forum = forumExcerpt(event, t);
  if (forum) return forum;
  if (body) return body;
  if (event.details?.['image']) return t('event.image');
  return event.kind;
}

/**
 * One event in short: channel, author, when, and what was said or done. Compact by default (the
 * case panel, the open-case dialog); `quote` reads like a quotation in a story, channel named.
 */
@Component({
  selector: 'app-event-excerpt',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChannelIcon],
  host: { '[class.quote]': 'quote()' },
  template: `
    <p class="meta">
      <app-channel-icon [channel]="event().channel" />
      <span class="author">{{ author() }}</span>
      <span class="channel" [class.visually-hidden]="!quote()">{{ channel() }}</span>
      <time [attr.datetime]="event().occurredAt">{{ when() }}</time>
    </p>
    <p class="text" [class.clamped]="!!lines()" [style.--excerpt-lines]="lines()">{{ text() }}</p>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
      --channel-icon-size: 20px;
    }
    :host(.quote) {
      --channel-icon-size: 24px;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 6px;
      margin: 0;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    :host(.quote) .meta {
      gap: 4px 8px;
    }
    .author {
      color: var(--mat-sys-on-surface);
      font-weight: 600;
    }
    :host(.quote) .author {
      font: var(--mat-sys-label-large);
    }
    :host(.quote) .channel::before,
    :host(.quote) time::before {
      content: '·';
      margin-right: 8px;
    }
    .text {
      margin: 2px 0 0;
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
      white-space: pre-wrap;
    }
    :host(.quote) .text {
      margin: 6px 0 0 32px;
      font: inherit;
      line-height: 1.8;
    }
    .clamped {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--excerpt-lines);
      overflow: hidden;
    }
  `,
})
export class EventExcerpt {
  private readonly i18n = inject(I18n);
  private readonly t: Translate = (key, params) => this.i18n.t(key, params);

  readonly event = input.required<TimelineEvent>();
  /** Show at most this many lines of the text (null: all of it). */
  readonly lines = input<number | null>(null);
  /** Read as a quotation in a story: larger, the channel named, the text set under the author. */
  readonly quote = input(false, { transform: booleanAttribute });

  protected readonly author = computed(() => authorName(this.event().author, this.t));
  protected readonly channel = computed(() => channelName(this.event().channel, this.t));
  protected readonly when = computed(() => {
    const at = this.event().occurredAt;
    const lang = this.i18n.lang();
    return `${calendarDate(at, lang)} ${clockTime(at, lang)}`;
  });
  protected readonly text = computed(() => excerptText(this.event(), this.t));
}
