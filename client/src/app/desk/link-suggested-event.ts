import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer, detail } from './event-renderer';
import { MergeFlow } from './merge-flow';
import { formatPhone } from './phone';

/**
 * A web visitor left a phone number that belongs to another customer. Nothing was linked: staff
 * check, and merge this visitor into that customer if it really is them.
 */
@Component({
  selector: 'app-link-suggested-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <div class="suggestion">
      <span class="material-symbols-outlined" aria-hidden="true">person_search</span>
      <p class="text">
        {{ 'event.linkSuggested' | t: { name: name() } }}
        @if (phone(); as phone) {
          <span class="phone">{{ phone }}</span>
        }
      </p>
      @if (canMerge()) {
        <button mat-stroked-button type="button" (click)="merge()">{{ 'event.linkSuggested.merge' | t }}</button>
      }
    </div>
  `,
  styles: `
    .suggestion { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; color: var(--mat-sys-on-surface-variant); }
    .text { flex: 1; min-width: 12em; font: var(--mat-sys-body-medium); color: var(--mat-sys-on-surface); }
    .phone { margin-inline-start: 8px; color: var(--mat-sys-on-surface-variant); font-variant-numeric: tabular-nums; white-space: nowrap; }
  `,
})
export class LinkSuggestedEvent implements EventRenderer {
  private readonly flow = inject(MergeFlow, { optional: true });

  readonly event = input.required<TimelineEvent>();

  protected readonly name = computed(() => detail(this.event(), 'suggestedName') ?? '?');
  protected readonly phone = computed(() => {
    const phone = detail(this.event(), 'phone');
    return phone ? formatPhone(phone) : null;
  });
  private readonly suggestedId = computed(() => detail(this.event(), 'suggestedCustomerId'));
  /** Offered on the visitor's own page, to those who may merge; never once it is done. */
  protected readonly canMerge = computed(() => {
    const id = this.suggestedId();
    const here = this.flow?.customer()?.id;
    return !!this.flow?.canMerge() && !!id && !!here && id !== here && this.event().customerId === here;
  });

  protected merge(): void {
    const id = this.suggestedId();
    if (id) this.flow?.mergeThisInto(id);
  }
}
