import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, output, viewChild } from '@angular/core';
import { ChatI18n } from './chat-i18n';
import type { ChatItemImage } from './chat-session';

/** A tapped image, full size over the chat; a tap anywhere or Escape closes it. */
@Component({
  selector: 'chat-image-viewer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'closed.emit()' },
  template: `
    <div class="viewer" role="dialog" aria-modal="true" [attr.aria-label]="t().image" (click)="closed.emit()">
      <img [src]="image().url" [alt]="t().image" />
      <button #close type="button" class="close" [attr.aria-label]="t().close">
        <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
          <path d="M6 6l12 12M18 6 6 18" stroke-linecap="round" />
        </svg>
      </button>
    </div>
  `,
  styles: `
    :host { position: fixed; inset: 0; z-index: 20; }
    .viewer { position: absolute; inset: 0; display: grid; place-items: center; background: #000; cursor: zoom-out; }
    img { max-width: 100%; max-height: 100%; object-fit: contain; }
    .close {
      position: absolute; top: calc(12px + env(safe-area-inset-top)); right: 12px; width: 40px; height: 40px;
      border: 0; border-radius: 50%; background: rgb(255 255 255 / 0.15); color: #fff; display: grid;
      place-items: center; cursor: pointer;
    }
  `,
})
export class ImageViewer {
  protected readonly t = inject(ChatI18n).t;
  readonly image = input.required<ChatItemImage>();
  readonly closed = output<void>();
  private readonly close = viewChild.required<ElementRef<HTMLButtonElement>>('close');

  constructor() {
    afterNextRender(() => this.close().nativeElement.focus());
  }
}
