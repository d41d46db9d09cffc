import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, output, signal, viewChild } from '@angular/core';
import { ChatI18n, describeError } from './chat-i18n';
import { ChatSession } from './chat-session';

// Loose on purpose: the server normalises and decides; this only catches obvious slips.
const PHONE = /^\+?[\d\s-]{6,20}$/;

/** The optional "leave your name and phone" form, as a sheet over the bottom of the chat. */
@Component({
  selector: 'chat-profile-sheet',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'closed.emit()' },
  template: `
    <div class="backdrop" (click)="closed.emit()"></div>
    <form class="sheet" role="dialog" aria-modal="true" aria-labelledby="chat-profile-title" (submit)="save($event)">
      <h2 id="chat-profile-title">{{ t().contact }}</h2>
      <p class="hint">{{ t().contactHint }}</p>
      <label for="chat-profile-name">{{ t().name }}</label>
      <input
        #nameInput
        id="chat-profile-name"
        autocomplete="name"
        maxlength="50"
        [value]="name()"
        (input)="name.set(nameInput.value); status.set('idle')"
      />
      <label for="chat-profile-phone">{{ t().phone }}</label>
      <input
        #phoneInput
        id="chat-profile-phone"
        type="tel"
        inputmode="tel"
        autocomplete="tel"
        maxlength="24"
        [value]="phone()"
        (input)="phone.set(phoneInput.value); status.set('idle')"
      />
      @if (status() === 'error') {
        <p class="message error" role="alert">{{ error() }}</p>
      }
      <div class="actions">
        <button type="button" class="plain" (click)="closed.emit()">{{ t().close }}</button>
        <button type="submit" class="primary" [disabled]="status() === 'saving' || (!name().trim() && !phone().trim())">
          {{ status() === 'saving' ? t().saving : t().save }}
        </button>
      </div>
    </form>
  `,
  styles: `
    :host { position: absolute; inset: 0; z-index: 10; display: flex; flex-direction: column; justify-content: flex-end; }
    .backdrop { position: absolute; inset: 0; background: rgb(0 0 0 / 0.4); }
    .sheet {
      position: relative; display: flex; flex-direction: column; gap: 6px; margin: 0; background: #fff;
      border-radius: 12px 12px 0 0; padding: 18px 20px calc(16px + env(safe-area-inset-bottom));
    }
    h2 { margin: 0; font-size: 17px; font-weight: 600; text-align: center; }
    .hint { margin: 4px 0 8px; font-size: 13px; color: #888; text-align: center; line-height: 1.5; }
    label { font-size: 13px; color: #555; margin-top: 6px; }
    input {
      height: 44px; border: 1px solid #e2e2e2; border-radius: 8px; padding: 0 12px; font-size: 16px; outline: none;
      background: #fafafa;
    }
    input:focus { border-color: #07c160; background: #fff; }
    .message { margin: 6px 0 0; font-size: 13px; }
    .error { color: #fa5151; }
    .actions { display: flex; gap: 12px; margin-top: 14px; }
    .actions button { flex: 1; height: 44px; border-radius: 8px; border: 0; font-size: 16px; font-weight: 500; cursor: pointer; }
    .plain { background: #f2f2f2; color: #191919; }
    .primary { background: #07c160; color: #fff; }
    .primary:disabled { background: #c6ecd6; cursor: default; }
  `,
})
export class ProfileSheet {
  private readonly session = inject(ChatSession);
  private readonly i18n = inject(ChatI18n);
  protected readonly t = this.i18n.t;

  readonly closed = output<void>();
  /** Saved: the page closes the sheet and says so. */
  readonly saved = output<void>();

  protected readonly name = signal(this.session.profile().name ?? '');
  protected readonly phone = signal(this.session.profile().phone ?? '');
  protected readonly status = signal<'idle' | 'saving' | 'error'>('idle');
  protected readonly error = signal('');
  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');

  constructor() {
    afterNextRender(() => this.nameInput().nativeElement.focus());
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.status() === 'saving') return;
    const phone = this.phone().trim();
    if (phone && !PHONE.test(phone)) return this.fail(this.t().phoneInvalid);
    this.status.set('saving');
    const res = await this.session.saveProfile(this.name(), phone);
    if (res.ok) {
      this.status.set('idle');
      this.saved.emit();
    } else {
      this.fail(res.error ? describeError(res.error, this.i18n.lang()) : this.t().offline);
    }
  }

  private fail(message: string): void {
    this.error.set(message);
    this.status.set('error');
  }
}
