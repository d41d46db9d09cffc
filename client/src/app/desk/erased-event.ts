import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer } from './event-renderer';

/** An event whose words were erased at the customer's request: it keeps its place, kind and time. */
@Component({
  selector: 'app-erased-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `<p class="erased"><span class="material-symbols-outlined" aria-hidden="true">block</span>{{ 'privacy.erasedEvent' | t }}</p>`,
  styles: `
    .erased { display: inline-flex; align-items: center; gap: var(--hearth-space-2); font: var(--mat-sys-body-medium); font-style: italic; color: var(--mat-sys-on-surface-variant); }
    .material-symbols-outlined { font-size: 18px; }
  `,
})
export class ErasedEvent implements EventRenderer {
  readonly event = input.required<TimelineEvent>();
}

/** Whether an event is a tombstone of erased data (`details: { erased: true }`). */
export const isErased = (event: TimelineEvent): boolean => event.details?.['erased'] === true;
