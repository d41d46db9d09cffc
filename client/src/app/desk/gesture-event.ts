import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n, TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer, detail } from './event-renderer';

const GESTURE_VALUES = {
  kind: ['handwritten_card', 'small_gift', 'fee_waived', 'upgrade', 'follow_up_call', 'other'],
  status: ['planned', 'given'],
} as const;
type GestureKey =
  | `gesture.kind.${(typeof GESTURE_VALUES.kind)[number]}`
  | `gesture.status.${(typeof GESTURE_VALUES.status)[number]}`;
const GESTURE_KEYS = new Set<string>([
  ...GESTURE_VALUES.kind.map((v) => `gesture.kind.${v}`),
  ...GESTURE_VALUES.status.map((v) => `gesture.status.${v}`),
]);

/** A gesture of goodwill (a coupon, a gift …) and where it stands. */
@Component({
  selector: 'app-gesture-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <p class="head">
      <span class="material-symbols-outlined" aria-hidden="true">redeem</span>
      <span>{{ 'event.gesture' | t }} · {{ kind() }}</span>
      @if (status(); as status) {
        <span class="status">{{ status }}</span>
      }
    </p>
    @if (event().body) {
      <p class="body">{{ event().body }}</p>
    }
  `,
  styles: `
  .body { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
  .label { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .head { display: flex; align-items: center; gap: 6px; font: var(--mat-sys-title-small); color: #8a3a5c; }
    .status { font: var(--mat-sys-label-small); padding: 1px 8px; border-radius: 999px; background: #fde3ee; }
  `,
})
export class GestureEvent implements EventRenderer {
  readonly event = input.required<TimelineEvent>();
  private readonly i18n = inject(I18n);
  protected readonly kind = computed(() => this.label('kind', detail(this.event(), 'gestureKind')));
  protected readonly status = computed(() => this.label('status', detail(this.event(), 'status')));

  /** The translated name of a known kind or status; anything newer shows as sent. */
  private label(group: 'kind' | 'status', value: string | null): string {
    if (!value) return '';
    const key = `gesture.${group}.${value}`;
    return GESTURE_KEYS.has(key) ? this.i18n.t(key as GestureKey) : value;
  }
}
