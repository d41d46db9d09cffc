import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n, MessageKey } from '../core/i18n';

/**
 * A form dialog's error from the server, read out as it appears (an always-present live region, so
 * screen readers announce it). Give either a translated `message` or a message `key`.
 */
@Component({
  selector: 'app-form-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (text(); as text) {
      <span class="material-symbols-outlined" aria-hidden="true">error</span>
      <span>{{ text }}</span>
    }
  `,
  host: { class: 'server-error', role: 'alert' },
  styles: `
    :host {
      display: flex;
      align-items: flex-start;
      gap: var(--hearth-space-2);
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
    }
    :host(:empty) {
      display: none;
    }
    .material-symbols-outlined {
      font-size: 20px;
    }
  `,
})
export class FormError {
  private readonly i18n = inject(I18n);
  readonly message = input<string | null>(null);
  readonly key = input<MessageKey | null>(null);
  protected readonly text = computed(() => {
    const key = this.key();
    return this.message() ?? (key ? this.i18n.t(key) : null);
  });
}
