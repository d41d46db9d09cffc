import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n, TranslatePipe } from '../core/i18n';
import { gestureKindIcon, gestureKindName, gestureStatusName } from '../shared/gesture-kinds';
import { formatYuan } from '../shared/money';
import type { TimelineEvent } from './customer';
import { EventRenderer, detail } from './event-renderer';

/** A gesture (a handwritten card, a small gift …): what, where it stands, its cost, and how it was received. */
@Component({
  selector: 'app-gesture-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <p class="head">
      <span class="material-symbols-outlined" aria-hidden="true">{{ icon() }}</span>
      <span>{{ 'gestures.event.label' | t }} · {{ kind() }}</span>
      @if (status(); as status) {
        <span class="status" [class.given]="given()">{{ status }}</span>
      }
      @if (cost(); as cost) {
        <span class="cost">{{ cost }}</span>
      }
    </p>
    @if (event().body && event().body !== reaction()) {
      <p class="body">{{ event().body }}</p>
    }
    @if (reaction(); as reaction) {
      <blockquote class="reaction">
        <span class="reaction-label">{{ 'gestures.reaction' | t }}</span>
        <span class="words">{{ reaction }}</span>
      </blockquote>
    }
  `,
  styles: `
    .body { margin-top: 4px; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; font: var(--mat-sys-title-small); color: #8a3a5c; }
    .head .material-symbols-outlined { font-size: 20px; }
    .status { font: var(--mat-sys-label-small); padding: 1px 8px; border-radius: 999px; background: #fde3ee; }
    .status.given { background: #d7f0dc; color: #1e5f2c; }
    .cost { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); font-variant-numeric: tabular-nums; }
    .reaction { margin: 6px 0 0; padding: 4px 12px; border-inline-start: 3px solid #d98bb0; }
    .reaction-label { display: block; font: var(--mat-sys-label-small); color: var(--mat-sys-on-surface-variant); }
    .words { font-style: italic; white-space: pre-wrap; overflow-wrap: anywhere; }
    .words::before { content: '“'; }
    .words::after { content: '”'; }
  `,
})
export class GestureEvent implements EventRenderer {
  readonly event = input.required<TimelineEvent>();
  private readonly i18n = inject(I18n);

  private readonly kindValue = computed(() => detail(this.event(), 'gestureKind'));
  protected readonly icon = computed(() => gestureKindIcon(this.kindValue()));
  /** A known kind or status in the reader's language; anything newer shows as sent. */
  protected readonly kind = computed(() => gestureKindName(this.kindValue(), (key) => this.i18n.t(key)));
  protected readonly status = computed(() => gestureStatusName(detail(this.event(), 'status'), (key) => this.i18n.t(key)));
  protected readonly given = computed(() => detail(this.event(), 'status') === 'given');
  protected readonly cost = computed(() => {
    const cents = this.event().details?.['costCents'];
    return typeof cents === 'number' && cents > 0 ? formatYuan(cents) : null;
  });
  protected readonly reaction = computed(() => detail(this.event(), 'reaction'));
}
