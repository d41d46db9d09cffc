import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer, detail } from './event-renderer';

/** A store visit: where, why, how it ended, who served them. */
@Component({
  selector: 'app-store-visit-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <p class="store">{{ store() ?? event().body }}</p>
    <dl>
      @if (reason(); as reason) {
        <div><dt>{{ 'event.store.reason' | t }}</dt><dd>{{ reason }}</dd></div>
      }
      @if (outcome(); as outcome) {
        <div><dt>{{ 'event.store.outcome' | t }}</dt><dd>{{ outcome }}</dd></div>
      }
    </dl>
    @if (store() && event().body) {
      <p class="body">{{ event().body }}</p>
    }
  `,
  styles: `
  .body { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
  .label { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .store { font: var(--mat-sys-title-small); }
    dl { margin: 4px 0; display: grid; gap: 2px; }
    dl div { display: flex; gap: 8px; }
    dt { flex: none; color: var(--mat-sys-on-surface-variant); }
    dt::after { content: '：'; }
    :host-context(html[lang='en']) dt::after { content: ':'; }
    dd { margin: 0; }
  `,
})
export class StoreVisitEvent implements EventRenderer {
  readonly event = input.required<TimelineEvent>();
  protected readonly store = computed(() => detail(this.event(), 'storeName'));
  protected readonly reason = computed(() => detail(this.event(), 'reason'));
  protected readonly outcome = computed(() => detail(this.event(), 'outcome'));
}
