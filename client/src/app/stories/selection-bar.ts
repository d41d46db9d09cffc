import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { I18n, TranslatePipe } from '../core/i18n';
import { MAX_SELECTION, exportUrl } from './stories-api';

/** The id of the bar's "at most 50" hint, for the boxes it explains. */
export const SELECTION_FULL_HINT = 'story-selection-full';

/** What to do with the stories picked in the feed (at most 50): download them as Markdown, or print them. */
@Component({
  selector: 'app-selection-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, TranslatePipe],
  host: { role: 'region', '[attr.aria-label]': 'label()' },
  template: `
    <span class="count">
      {{ 'stories.selection.count' | t: { n: ids().length } }}
      @if (full()) {
        <span class="full" [id]="fullHintId">{{ 'stories.selection.full' | t: { max: max } }}</span>
      }
    </span>
    <span class="actions">
      <a mat-flat-button [href]="exportHref()" download>
        <span class="material-symbols-outlined" aria-hidden="true">download</span>
        {{ 'stories.export' | t }}
      </a>
      <a mat-stroked-button routerLink="/print/stories" [queryParams]="printParams()" target="_blank">
        <span class="material-symbols-outlined" aria-hidden="true">print</span>
        {{ 'stories.print' | t }}
      </a>
      <button mat-button type="button" (click)="cleared.emit()">{{ 'stories.selection.clear' | t }}</button>
    </span>
  `,
  styles: `
    :host {
      position: sticky;
      bottom: var(--hearth-space-4);
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--hearth-space-3);
      padding: var(--hearth-space-3) var(--hearth-space-4);
      border-radius: var(--hearth-radius);
      background: var(--mat-sys-inverse-surface);
      color: var(--mat-sys-inverse-on-surface);
      box-shadow: 0 4px 16px color-mix(in srgb, var(--mat-sys-shadow) 25%, transparent);
    }
    .count {
      font: var(--mat-sys-title-small);
    }
    .full {
      margin-left: var(--hearth-space-2);
      font: var(--mat-sys-body-medium);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--hearth-space-2);
    }
    .mat-mdc-unelevated-button {
      --mat-button-filled-container-color: var(--mat-sys-inverse-primary);
      --mat-button-filled-label-text-color: var(--mat-sys-on-primary-fixed);
    }
    .mat-mdc-outlined-button,
    .mat-mdc-button {
      --mat-button-outlined-label-text-color: var(--mat-sys-inverse-on-surface);
      --mat-button-outlined-outline-color: color-mix(in srgb, var(--mat-sys-inverse-on-surface) 50%, transparent);
      --mat-button-text-label-text-color: var(--mat-sys-inverse-on-surface);
    }
  `,
})
export class SelectionBar {
  /** The chosen stories, in the order they were picked. */
  readonly ids = input.required<readonly string[]>();
  readonly cleared = output<void>();
  protected readonly fullHintId = SELECTION_FULL_HINT;
  protected readonly max = MAX_SELECTION;
  protected readonly full = computed(() => this.ids().length >= MAX_SELECTION);

  private readonly i18n = inject(I18n);
  protected readonly label = computed(() => this.i18n.t('stories.selection.label'));
  protected readonly exportHref = computed(() => exportUrl(this.ids(), this.i18n.lang()));
  protected readonly printParams = computed(() => ({ ids: this.ids().join(',') }));
}
