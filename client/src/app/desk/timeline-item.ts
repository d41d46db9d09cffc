import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { ChannelIcon } from './channel-icon';
import type { TimelineEvent } from './customer';
import { rendererFor } from './event-registry';
import { clockTime } from './timeline-rows';

const AUTHOR_FALLBACK: Readonly<Record<TimelineEvent['author']['type'], MessageKey>> = {
  customer: 'author.customer',
  staff: 'author.staff',
  fan: 'author.fan',
  system: 'author.system',
};

/** One event on the timeline: who, when, which channel, and the kind's own renderer. */
@Component({
  selector: 'app-timeline-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgComponentOutlet, ChannelIcon, TranslatePipe],
  template: `
    <article
      class="item"
      [class]="'kind-' + kindClass()"
      [class.staff]="event().author.type === 'staff'"
      [class.pending]="pending()"
      [attr.aria-posinset]="position()"
      [attr.aria-setsize]="setSize()"
      [attr.aria-busy]="pending()"
    >
      <header class="meta">
        <app-channel-icon [channel]="event().channel" />
        <span class="author">{{ event().author.name ?? (authorFallback() | t) }}</span>
        <time class="time" [attr.datetime]="event().occurredAt">{{ time() }}</time>
        @if (pending()) {
          <span class="pending-label">{{ 'event.pending' | t }}</span>
        }
      </header>
      <div class="content">
        <ng-container *ngComponentOutlet="renderer(); inputs: { event: event() }" />
      </div>
    </article>
  `,
  styleUrl: './timeline-item.scss',
})
export class TimelineItem {
  private readonly i18n = inject(I18n);

  readonly event = input.required<TimelineEvent>();
  readonly pending = input(false);
  readonly position = input<number | null>(null);
  /** -1 while older events may still load (the feed pattern's "unknown"). */
  readonly setSize = input<number | null>(null);

  protected readonly renderer = computed(() => rendererFor(this.event().kind));
  protected readonly kindClass = computed(() => this.event().kind.replace(/[^a-z0-9-]/gi, '-'));
  protected readonly time = computed(() => clockTime(this.event().occurredAt, this.i18n.lang()));
  protected readonly authorFallback = computed(() => AUTHOR_FALLBACK[this.event().author.type] ?? 'author.system');
}
