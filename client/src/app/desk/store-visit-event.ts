import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n, TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer } from './event-renderer';
import { storeVisitView } from './store-visit';

/**
 * A walk-in visit: which store and who served them, why they came (chips), what was done, how it
 * ended (a plain label: an outcome is not an alarm), photos, and the store's note for the desk.
 */
@Component({
  selector: 'app-store-visit-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  templateUrl: './store-visit-event.html',
  styleUrl: './store-visit-event.scss',
})
export class StoreVisitEvent implements EventRenderer {
  private readonly i18n = inject(I18n);

  readonly event = input.required<TimelineEvent>();

  protected readonly view = computed(() => storeVisitView(this.event(), (key) => this.i18n.t(key)));
}
