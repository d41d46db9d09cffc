import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer } from './event-renderer';

/** True for a note its author kept from store staff (the server says so in both places). */
export function isDeskOnly(event: TimelineEvent): boolean {
  return event.deskOnly === true || event.details?.['deskOnly'] === true;
}

/**
 * A note for the team (never the customer): paper-coloured, plainly marked internal, with a lock
 * when it is for the desk only (kept from store staff; see NoteComposer).
 */
@Component({
  selector: 'app-note-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <p class="tag">
      <span class="material-symbols-outlined" aria-hidden="true">sticky_note_2</span>{{ 'event.note' | t }}
      @if (deskOnly()) {
        <span class="desk-only"><span class="material-symbols-outlined" aria-hidden="true">lock</span>{{ 'note.deskOnly' | t }}</span>
      }
    </p>
    <p class="body">{{ event().body }}</p>
  `,
  styles: `
  .body { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
    :host { display: block; padding: 10px 14px; border-radius: 4px 12px 12px 12px; background: #fff6d6; border: 1px solid #ecd68a; color: #3d2f00; }
    .tag { display: flex; align-items: center; flex-wrap: wrap; gap: 4px; font: var(--mat-sys-label-medium); color: #7a5a00; margin-bottom: 4px; }
    .tag .material-symbols-outlined { font-size: 16px; }
    .desk-only { display: inline-flex; align-items: center; gap: 2px; margin-inline-start: 8px; padding: 0 8px 0 4px; border-radius: 999px; border: 1px solid #ecd68a; }
  `,
})
export class NoteEvent implements EventRenderer {
  readonly event = input.required<TimelineEvent>();
  protected readonly deskOnly = computed(() => isDeskOnly(this.event()));
}
