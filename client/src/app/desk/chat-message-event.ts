import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { TimelineEvent } from './customer';
import { EventRenderer } from './event-renderer';

/** Web chat: a bubble, customer on the left, staff on the right. */
@Component({
  selector: 'app-chat-message-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<p class="bubble body">{{ event().body }}</p>`,
  host: { '[class.staff]': 'event().author.type === "staff"' },
  styles: `
  .body { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
  .label { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    :host { display: flex; }
    :host(.staff) { justify-content: flex-end; }
    .bubble {
      max-width: min(560px, 85%);
      padding: 10px 14px;
      border-radius: 18px 18px 18px 4px;
      background: var(--mat-sys-surface-container-high);
    }
    :host(.staff) .bubble {
      border-radius: 18px 18px 4px 18px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
  `,
})
export class ChatMessageEvent implements EventRenderer {
  readonly event = input.required<TimelineEvent>();
}
