import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n, TranslatePipe } from '../core/i18n';

/** On an erased customer's page: what happened and when, instead of a profile. */
@Component({
  selector: 'app-erased-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <span class="material-symbols-outlined" aria-hidden="true">person_off</span>
    <div>
      <p class="title">{{ 'privacy.tombstoneTitle' | t }}</p>
      <p class="body">{{ 'privacy.tombstoneBody' | t: { date: date() } }}</p>
    </div>
  `,
  host: { role: 'status' },
  styles: `
    :host {
      display: flex; gap: var(--hearth-space-3); align-items: flex-start;
      padding: var(--hearth-space-3) var(--hearth-space-4);
      border-radius: var(--hearth-radius);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    .title { font: var(--mat-sys-title-small); color: var(--mat-sys-on-surface); }
    .body { font: var(--mat-sys-body-medium); margin-top: var(--hearth-space-1); }
  `,
})
export class ErasedNotice {
  private readonly i18n = inject(I18n);
  readonly erasedAt = input.required<string>();
  protected readonly date = computed(() =>
    new Intl.DateTimeFormat(this.i18n.lang(), { dateStyle: 'long' }).format(new Date(this.erasedAt())),
  );
}
