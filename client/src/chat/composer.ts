import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { ChatI18n, fill } from './chat-i18n';
import { ChatSession, MAX_BODY_CHARS } from './chat-session';
import { CHAT_STORAGE } from './chat-storage';

export const DRAFT_STORAGE_KEY = 'hearth.chat.draft';
/** The input grows with its text up to about five lines, then scrolls. */
const MAX_INPUT_HEIGHT_PX = 120;

/** The input bar: image button, growing text box, send button (Enter or the keyboard's send key). */
@Component({
  selector: 'chat-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error()) {
      <p class="error" role="alert">{{ error() }}</p>
    }
    <form class="bar" (submit)="submit($event)">
      <button type="button" class="icon" [attr.aria-label]="t().sendImage" (click)="picker.click()">
        <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" stroke-width="1.6" aria-hidden="true">
          <rect x="3" y="4.5" width="18" height="15" rx="2.5" />
          <circle cx="8.5" cy="9.5" r="1.8" />
          <path d="m4 17.5 5-5 4 4 2.5-2.5L20 18.5" stroke-linejoin="round" />
        </svg>
      </button>
      <input #picker type="file" accept="image/*" hidden (change)="picked(picker)" />
      <textarea
        #box
        rows="1"
        [attr.aria-label]="t().message"
        enterkeyhint="send"
        autocomplete="off"
        [value]="draft()"
        (input)="typed(box)"
        (keydown)="key($event)"
        (paste)="pasted($event)"
        (blur)="session.stopTyping()"
      ></textarea>
      <!-- mousedown would take focus from the text box and close a phone's keyboard. -->
      <button type="submit" class="send" [disabled]="!draft().trim()" (mousedown)="$event.preventDefault()">
        {{ t().send }}
      </button>
    </form>
  `,
  styles: `
    :host {
      display: block; background: #f7f7f7; border-top: 1px solid #dcdcdc;
      padding-bottom: env(safe-area-inset-bottom);
    }
    .bar { display: flex; align-items: flex-end; gap: 8px; padding: 8px 10px; }
    textarea {
      flex: 1; min-width: 0; min-height: 40px; max-height: ${MAX_INPUT_HEIGHT_PX}px; resize: none; border: 0;
      border-radius: 6px; padding: 9px 10px; background: #fff; font-size: 16px; line-height: 22px; outline: none;
      overflow-y: auto;
    }
    textarea:focus-visible { box-shadow: 0 0 0 2px #07c16055; }
    .icon {
      flex: none; width: 40px; height: 40px; display: grid; place-items: center; border: 0; border-radius: 50%;
      background: none; color: #191919; cursor: pointer; padding: 0;
    }
    .icon:focus-visible, .send:focus-visible { outline: 2px solid #07c160; outline-offset: 2px; }
    .send {
      flex: none; height: 40px; min-width: 60px; padding: 0 14px; border: 0; border-radius: 6px;
      background: #07c160; color: #fff; font-size: 15px; font-weight: 500; cursor: pointer;
    }
    .send:disabled { background: #c6ecd6; color: #fff; cursor: default; }
    .error { margin: 0; padding: 6px 14px 0; font-size: 12px; color: #fa5151; }
  `,
})
export class Composer {
  protected readonly session = inject(ChatSession);
  private readonly storage = inject(CHAT_STORAGE);
  protected readonly t = inject(ChatI18n).t;

  // Kept across reloads, so nothing the visitor typed is lost before they send it.
  protected readonly draft = signal(this.storage.get(DRAFT_STORAGE_KEY) ?? '');
  protected readonly error = signal('');
  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');

  protected typed(box: HTMLTextAreaElement): void {
    this.setDraft(box.value);
    this.error.set('');
    this.fitHeight();
    if (box.value) this.session.noteTyping();
  }

  protected key(event: KeyboardEvent): void {
    // Enter while an IME is composing (pinyin) picks a candidate; it must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    this.send();
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.send();
  }

  protected picked(input: HTMLInputElement): void {
    for (const file of Array.from(input.files ?? [])) this.session.sendImage(file);
    input.value = '';
  }

  protected pasted(event: ClipboardEvent): void {
    const images = Array.from(event.clipboardData?.files ?? []).filter((f) => f.type.startsWith('image/'));
    if (!images.length) return;
    event.preventDefault();
    images.forEach((file) => this.session.sendImage(file));
  }

  private send(): void {
    const result = this.session.sendText(this.draft());
    if (result === 'too_long') {
      this.error.set(fill(this.t().tooLong, { max: MAX_BODY_CHARS }));
      return;
    }
    if (result !== 'queued') return;
    this.setDraft('');
    // The binding would not clear it if the signal already held '' (e.g. after a paste).
    this.box().nativeElement.value = '';
    this.fitHeight();
  }

  private setDraft(text: string): void {
    this.draft.set(text);
    if (text) this.storage.set(DRAFT_STORAGE_KEY, text);
    else this.storage.remove(DRAFT_STORAGE_KEY);
  }

  private fitHeight(): void {
    const el = this.box().nativeElement;
    el.style.height = 'auto';
    if (el.scrollHeight) el.style.height = `${Math.min(el.scrollHeight, MAX_INPUT_HEIGHT_PX)}px`;
  }
}
