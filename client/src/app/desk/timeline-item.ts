import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n, TranslatePipe } from '../core/i18n';
import { authorName } from '../shared/event-excerpt';
import { CaseChip } from './cases/case-chip';
import { CaseFlow } from './cases/case-flow';
import { EventActions } from './cases/event-actions';
import { ChannelIcon } from './channel-icon';
import { isPendingId } from './delivery-state';
import type { TimelineEvent } from './customer';
import { rendererForEvent } from './event-registry';
import { clockTime } from './timeline-rows';

/** One event on the timeline: who, when, which channel, and the kind's own renderer. */
@Component({
  selector: 'app-timeline-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgComponentOutlet, CaseChip, ChannelIcon, EventActions, TranslatePipe],
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
        <span class="author">{{ author() }}</span>
        <time class="time" [attr.datetime]="event().occurredAt">{{ time() }}</time>
        @if (showCaseChip()) {
          <app-case-chip class="case-chip" [caseId]="event().caseId!" />
        }
        @if (pending()) {
          <span class="pending-label">{{ 'event.pending' | t }}</span>
        } @else if (canAct()) {
          <app-event-actions class="event-actions" [event]="event()" />
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
  /** Cases are worked on from a customer page; elsewhere (a story's excerpts) events only read. */
  private readonly caseFlow = inject(CaseFlow, { optional: true });

  readonly event = input.required<TimelineEvent>();
  readonly pending = input(false);
  readonly position = input<number | null>(null);
  /** -1 while older events may still load (the feed pattern's "unknown"). */
  readonly setSize = input<number | null>(null);

  protected readonly renderer = computed(() => rendererForEvent(this.event()));
  protected readonly kindClass = computed(() => this.event().kind.replace(/[^a-z0-9-]/gi, '-'));
  protected readonly time = computed(() => clockTime(this.event().occurredAt, this.i18n.lang()));
  /** Stored events can start or join a case; one still being saved cannot yet. */
  protected readonly canAct = computed(() => !!this.caseFlow && !isPendingId(this.event().id) && !this.pending());
  /** Case events name their case themselves. */
  protected readonly showCaseChip = computed(
    () => !!this.caseFlow && !!this.event().caseId && !this.event().kind.startsWith('case.'),
  );
  protected readonly author = computed(() => authorName(this.event().author, (key) => this.i18n.t(key)));
}
