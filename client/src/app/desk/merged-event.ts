import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer, detail } from './event-renderer';

/** Another customer record was merged into this one. */
@Component({
  selector: 'app-merged-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <p class="system">
      <span class="material-symbols-outlined" aria-hidden="true">merge</span>
      {{ 'event.merged' | t: { from: fromName() } }}
      @if (moved() !== null) {
        · {{ 'event.movedEvents' | t: { count: moved()! } }}
      }
    </p>
  `,
  styles: `
    .system { display: flex; align-items: center; gap: 6px; font: var(--mat-sys-body-medium); color: var(--mat-sys-on-surface-variant); }
  `,
})
export class MergedEvent implements EventRenderer {
  readonly event = input.required<TimelineEvent>();
  protected readonly fromName = computed(() => detail(this.event(), 'fromName') ?? '?');
  protected readonly moved = computed(() => detail(this.event(), 'movedEvents'));
}
