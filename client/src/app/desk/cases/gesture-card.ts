import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { Gesture } from '@hearth/contract';
import { I18n, TranslatePipe } from '../../core/i18n';
import { calendarDate } from '../timeline-rows';
import { CaseFlow } from './case-flow';
import { GESTURE_KIND_ICONS, GESTURE_KIND_LABELS, GESTURE_STATUS_LABELS } from '../../shared/gesture-kinds';
import { formatYuan } from '../../shared/money';

/** A gesture: what, for whom, where it stands, and later how the customer took it. */
@Component({
  selector: 'app-gesture-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <article class="card" [class.given]="gesture().status === 'given'" [attr.aria-label]="kindLabels[gesture().kind] | t">
      <header class="head">
        <span class="material-symbols-outlined kind-icon" aria-hidden="true">{{ icons[gesture().kind] }}</span>
        <span class="kind">{{ kindLabels[gesture().kind] | t }}</span>
        <span class="status">{{ statusLabels[gesture().status] | t }}</span>
      </header>
      <p class="note">{{ gesture().note }}</p>
      <p class="meta">
        {{ 'gestures.by' | t: { name: gesture().by.name, date: date() } }}
        @if (gesture().costCents !== null) {
          · {{ 'gestures.costShown' | t: { amount: cost() } }}
        }
      </p>
      @if (gesture().reaction; as reaction) {
        <blockquote class="reaction"><span class="visually-hidden">{{ 'gestures.reaction' | t }}：</span>{{ reaction }}</blockquote>
      }
      @if (flow) {
        <div class="actions">
          @if (gesture().status === 'planned') {
            <button mat-button type="button" (click)="flow.markGiven(gesture())">
              <span class="material-symbols-outlined" aria-hidden="true">check</span>{{ 'gestures.markGiven' | t }}
            </button>
          }
          <button mat-button type="button" (click)="flow.recordReaction(gesture())">
            <span class="material-symbols-outlined" aria-hidden="true">format_quote</span>
            {{ (gesture().reaction ? 'gestures.editReaction' : 'gestures.addReaction') | t }}
          </button>
        </div>
      }
    </article>
  `,
  styles: `
    .card {
      padding: var(--hearth-space-3);
      border-radius: 12px;
      border: 1px solid #f3c6d8;
      background: #fff7fa;
    }
    .head { display: flex; align-items: center; gap: var(--hearth-space-2); color: #8a3a5c; font: var(--mat-sys-title-small); }
    .kind-icon { font-size: 20px; }
    .status { margin-inline-start: auto; padding: 1px 10px; border-radius: 999px; background: #fde3ee; font: var(--mat-sys-label-medium); }
    .given .status { background: #d7f0dc; color: #1e5f2c; }
    .note { margin-top: 6px; font: var(--mat-sys-body-medium); white-space: pre-wrap; overflow-wrap: anywhere; }
    .meta { margin-top: 4px; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .reaction {
      margin: var(--hearth-space-2) 0 0;
      padding: 6px 12px;
      border-inline-start: 3px solid #d98bb0;
      font: var(--mat-sys-body-medium);
      font-style: italic;
      white-space: pre-wrap;
    }
    .reaction::before { content: '“'; }
    .reaction::after { content: '”'; }
    .actions { display: flex; flex-wrap: wrap; gap: 4px; margin: var(--hearth-space-2) -8px -4px; }
    .actions button { min-height: 40px; }
    :host-context(.store-mode) .actions button { min-height: 48px; }
    @media (pointer: coarse) { .actions button { min-height: 48px; } }
  `,
})
export class GestureCard {
  private readonly i18n = inject(I18n);
  protected readonly flow = inject(CaseFlow, { optional: true });
  readonly gesture = input.required<Gesture>();

  protected readonly icons = GESTURE_KIND_ICONS;
  protected readonly kindLabels = GESTURE_KIND_LABELS;
  protected readonly statusLabels = GESTURE_STATUS_LABELS;
  protected readonly cost = computed(() => formatYuan(this.gesture().costCents ?? 0));
  protected readonly date = computed(() => calendarDate(this.gesture().givenAt ?? this.gesture().createdAt, this.i18n.lang()));
}
