import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { TimelineEvent } from './customer';
import { EventRenderer } from './event-renderer';

/** Any kind this client does not know yet: its body, plainly. */
@Component({
  selector: 'app-generic-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p class="body">{{ event().body || event().kind }}</p>`,
  styles: `
  .body { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
  .label { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
  `,
})
export class GenericEvent implements EventRenderer {
  readonly event = input.required<TimelineEvent>();
}
