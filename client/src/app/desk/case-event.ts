import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer, detail } from './event-renderer';

/** A case opened or resolved. */
@Component({
  selector: 'app-case-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <p class="label">{{ (resolved() ? 'event.case.resolved' : 'event.case.opened') | t }}</p>
    <p class="title">{{ title() ?? event().body }}</p>
    @if (title() && event().body) {
      <p class="body">{{ event().body }}</p>
    }
  `,
  host: { '[class.resolved]': 'resolved()' },
  styles: `
  .body { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
  .label { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    :host { display: block; padding: 8px 12px; border-left: 3px solid var(--mat-sys-primary); background: var(--mat-sys-surface-container); border-radius: 0 8px 8px 0; }
    :host(.resolved) { border-left-color: #2e7d32; }
    .title { font: var(--mat-sys-title-small); }
  `,
})
export class CaseEvent implements EventRenderer {
  readonly event = input.required<TimelineEvent>();
  protected readonly resolved = computed(() => this.event().kind === 'case.resolved');
  protected readonly title = computed(() => detail(this.event(), 'title'));
}
