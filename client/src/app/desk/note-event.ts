import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer } from './event-renderer';

/** A staff-only note: paper-coloured, plainly marked internal. */
@Component({
  selector: 'app-note-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <p class="tag"><span class="material-symbols-outlined" aria-hidden="true">lock</span>{{ 'event.note' | t }}</p>
    <p class="body">{{ event().body }}</p>
  `,
  styles: `
  .body { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
  .label { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    :host { display: block; padding: 10px 14px; border-radius: 4px 12px 12px 12px; background: #fff6d6; border: 1px solid #ecd68a; color: #3d2f00; }
    .tag { display: flex; align-items: center; gap: 4px; font: var(--mat-sys-label-medium); color: #7a5a00; margin-bottom: 4px; }
    .tag span { font-size: 16px; }
  `,
})
export class NoteEvent implements EventRenderer {
  readonly event = input.required<TimelineEvent>();
}
