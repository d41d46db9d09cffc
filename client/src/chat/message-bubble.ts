import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { ChatI18n, describeError } from './chat-i18n';
import type { ChatItem, ChatItemImage } from './chat-session';

/** Largest side of an image thumbnail in the conversation, in CSS pixels. */
const THUMB_MAX = 160;
const THUMB_MIN = 48;

/** The first character of a name (a whole emoji or CJK character), for an avatar. */
export function initialOf(name: string | null | undefined): string {
  const first = Array.from((name ?? '').trim())[0] ?? '';
  return first.toLocaleUpperCase();
}

function hueOf(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) % 360;
  return h;
}

/** One message: avatar, the staff member's name on replies, the bubble, and its delivery state. */
@Component({
  selector: 'chat-message-bubble',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="msg" [class.mine]="item().mine" [attr.aria-busy]="item().state === 'sending' || null">
      <span class="avatar" [style.background-color]="avatarColor()" aria-hidden="true">
        @if (avatarText()) {
          {{ avatarText() }}
        } @else {
          <svg viewBox="0 0 24 24" width="26" height="26" fill="currentColor">
            <path d="M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9Zm0 2c-4.4 0-8 2.2-8 5v2h16v-2c0-2.8-3.6-5-8-5Z" />
          </svg>
        }
      </span>
      <div class="main">
        @if (item().mine) {
          <span class="sr-only">{{ t().me }}: </span>
        } @else {
          <p class="name">{{ item().staffName || t().staff }}</p>
        }
        <div class="line">
          <div class="bubble" [class.has-image]="item().image || !item().body">
            @if (item().image && !broken()) {
              <button type="button" class="thumb" [attr.aria-label]="t().viewImage" (click)="openImage.emit(item().image!)">
                <img
                  [src]="item().image!.thumbUrl"
                  [alt]="t().image"
                  [attr.width]="thumbSize().width"
                  [attr.height]="thumbSize().height"
                  (error)="broken.set(true)"
                />
              </button>
            } @else if (!item().body) {
              <span class="placeholder">
                <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" stroke-width="1.5" aria-hidden="true">
                  <rect x="3" y="4.5" width="18" height="15" rx="2.5" />
                  <circle cx="8.5" cy="9.5" r="1.8" />
                  <path d="m4 17.5 5-5 4 4 2.5-2.5L20 18.5" stroke-linejoin="round" />
                </svg>
                <span class="sr-only">{{ t().image }}</span>
              </span>
            }
            @if (item().body) {
              <p class="text">{{ item().body }}</p>
            }
          </div>
          @switch (item().state) {
            @case ('sending') {
              <span class="state"><span class="spinner" aria-hidden="true"></span><span class="state-text">{{ t().sending }}</span></span>
            }
            @case ('failed') {
              <span class="state failed"><span class="bang" aria-hidden="true">!</span><span class="state-text">{{ t().notSent }}</span></span>
            }
          }
        </div>
        @if (item().state === 'failed') {
          <div class="failure">
            @if (reason()) {
              <span class="reason">{{ reason() }}</span>
            }
            @if (item().canRetry) {
              <button type="button" (click)="retry.emit(item().clientId)">{{ t().retry }}</button>
            }
            <button type="button" (click)="discard.emit(item().clientId)">{{ t().delete }}</button>
          </div>
        }
      </div>
    </article>
  `,
  styles: `
    :host { display: block; }
    .msg { display: flex; align-items: flex-start; gap: 10px; padding: 6px 12px; }
    .msg.mine { flex-direction: row-reverse; }
    .avatar {
      flex: none; width: 40px; height: 40px; border-radius: 6px; display: grid; place-items: center;
      color: #fff; font-size: 18px; font-weight: 500; user-select: none;
    }
    .main { min-width: 0; max-width: calc(100% - 100px); display: flex; flex-direction: column; }
    .mine .main { align-items: flex-end; }
    .name { margin: 0 0 4px; font-size: 12px; color: #888; }
    .line { display: flex; align-items: center; gap: 8px; max-width: 100%; }
    .mine .line { flex-direction: row-reverse; }
    .bubble {
      position: relative; min-width: 0; padding: 9px 12px; border-radius: 6px; background: #fff; color: #191919;
      font-size: 16px; line-height: 1.45;
    }
    .bubble::before {
      content: ''; position: absolute; top: 13px; left: -5px; width: 10px; height: 10px;
      background: inherit; transform: rotate(45deg); border-radius: 1px;
    }
    .mine .bubble { background: #95ec69; }
    .mine .bubble::before { left: auto; right: -5px; }
    .bubble.has-image { padding: 0; background: none; }
    .bubble.has-image::before { display: none; }
    .bubble.has-image .text { padding: 9px 12px 0; }
    .text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    .placeholder { display: grid; place-items: center; width: 96px; height: 72px; border-radius: 6px; background: #e4e4e4; color: #aaa; }
    .thumb { display: block; padding: 0; border: 0; background: #e4e4e4; border-radius: 6px; overflow: hidden; cursor: zoom-in; }
    .thumb img { display: block; max-width: ${THUMB_MAX}px; max-height: ${THUMB_MAX}px; width: auto; height: auto; object-fit: cover; }
    .state { flex: none; display: inline-flex; align-items: center; gap: 4px; font-size: 11px; color: #aaa; }
    .state-text { white-space: nowrap; }
    .spinner {
      width: 14px; height: 14px; border-radius: 50%; border: 2px solid #c8c8c8; border-top-color: #7d7d7d;
      animation: spin 0.8s linear infinite;
    }
    .bang {
      width: 18px; height: 18px; border-radius: 50%; background: #fa5151; color: #fff; font-size: 13px;
      font-weight: 700; display: grid; place-items: center;
    }
    .failed .state-text { color: #fa5151; }
    .failure { display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 4px 10px; margin-top: 4px; font-size: 12px; color: #fa5151; }
    .failure button {
      border: 0; background: none; padding: 4px 2px; color: #576b95; font-size: 13px; cursor: pointer;
    }
    @keyframes spin { to { transform: rotate(360deg); } }
    @media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 2.4s; } }
  `,
})
export class MessageBubble {
  private readonly i18n = inject(ChatI18n);
  protected readonly t = this.i18n.t;

  readonly item = input.required<ChatItem>();
  /** The visitor's own name, for their avatar. */
  readonly myName = input<string | null>(null);

  readonly openImage = output<ChatItemImage>();
  readonly retry = output<string>();
  readonly discard = output<string>();

  /** The thumbnail could not be shown (a file that was not an image, say): a placeholder instead. */
  protected readonly broken = linkedSignal({ source: () => this.item().image?.thumbUrl, computation: () => false });

  protected readonly avatarText = computed(() =>
    initialOf(this.item().mine ? this.myName() : this.item().staffName || this.t().staff),
  );
  protected readonly avatarColor = computed(() => {
    if (this.item().mine) return '#7b8fa6';
    return `hsl(${hueOf(this.item().staffName ?? '')} 38% 52%)`;
  });
  /** Reserve the thumbnail's box before it loads, so the list does not jump. */
  protected readonly thumbSize = computed(() => {
    const image = this.item().image;
    if (!image?.width || !image.height) return { width: null, height: null };
    const scale = Math.min(THUMB_MAX / image.width, THUMB_MAX / image.height, 1);
    return {
      width: Math.max(THUMB_MIN, Math.round(image.width * scale)),
      height: Math.max(THUMB_MIN, Math.round(image.height * scale)),
    };
  });
  protected readonly reason = computed(() => {
    const error = this.item().error;
    return error ? describeError(error, this.i18n.lang()) : '';
  });
}
