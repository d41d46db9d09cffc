import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { MaterialSymbol } from 'material-symbols';

/** A calm, centred message for a page or list with nothing (yet) to show. */
@Component({
  selector: 'app-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="badge" aria-hidden="true">
      <span class="material-symbols-outlined">{{ icon() }}</span>
    </div>
    @if (level() === 1) {
      <h1 class="title">{{ title() }}</h1>
    } @else {
      <h2 class="title">{{ title() }}</h2>
    }
    <p class="body">{{ body() }}</p>
    <ng-content />
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      gap: var(--hearth-space-3);
      max-width: 440px;
      margin: 0 auto;
      padding: var(--hearth-space-7) var(--hearth-space-5);
    }
    .badge {
      display: grid;
      place-items: center;
      width: 88px;
      height: 88px;
      margin-bottom: var(--hearth-space-3);
      border-radius: 28px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .badge .material-symbols-outlined {
      font-size: 44px;
      font-variation-settings: 'FILL' 0, 'wght' 300, 'GRAD' 0, 'opsz' 48;
    }
    .title {
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-on-surface);
    }
    .body {
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
      line-height: 1.7;
    }
  `,
})
export class EmptyState {
  readonly icon = input.required<MaterialSymbol>();
  readonly title = input.required<string>();
  readonly body = input.required<string>();
  /** Heading level: 1 when the empty state is the whole page. */
  readonly level = input<1 | 2>(2);
}
