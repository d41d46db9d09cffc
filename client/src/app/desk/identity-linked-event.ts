import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer } from './event-renderer';

/** A new way to reach the customer was linked. */
@Component({
  selector: 'app-identity-linked-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <p class="system">
      <span class="material-symbols-outlined" aria-hidden="true">link</span>
      {{ 'event.identityLinked' | t }}
      @if (event().body) {
        · {{ event().body }}
      }
    </p>
  `,
  styles: `
    .system { display: flex; align-items: center; gap: 6px; font: var(--mat-sys-body-medium); color: var(--mat-sys-on-surface-variant); }
  `,
})
export class IdentityLinkedEvent implements EventRenderer {
  readonly event = input.required<TimelineEvent>();
}
