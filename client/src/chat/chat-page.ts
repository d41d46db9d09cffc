import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { ChatI18n } from './chat-i18n';
import { ChatItemImage, ChatSession } from './chat-session';
import { Composer } from './composer';
import { ImageViewer } from './image-viewer';
import { MessageLog } from './message-log';
import { ProfileSheet } from './profile-sheet';

/** The customer's web chat: one conversation with the service team, WeChat-style. */
@Component({
  selector: 'chat-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ChatSession],
  imports: [MessageLog, Composer, ProfileSheet, ImageViewer],
  template: `
    <header class="top">
      <button type="button" class="lang" [attr.aria-label]="t().switchLang" (click)="i18n.toggle()">
        <span aria-hidden="true">{{ t().otherLang }}</span>
      </button>
      <div class="title">
        <h1>{{ t().title }}</h1>
        <p class="status" aria-live="polite">
          @if (session.staffTyping()) {
            <span class="typing">{{ t().typing }}</span>
          } @else if (session.staffAround() !== null && !banner()) {
            <span class="dot" [class.on]="session.staffAround()" aria-hidden="true"></span>
            {{ session.staffAround() ? t().staffAround : t().staffAway }}
          }
        </p>
      </div>
      <button
        type="button"
        class="icon"
        [attr.aria-label]="t().contact"
        [attr.aria-expanded]="profileOpen()"
        (click)="profileOpen.set(!profileOpen())"
      >
        <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="1.6" aria-hidden="true">
          <circle cx="10" cy="8" r="4" />
          <path d="M3 20c0-3.6 3.1-6 7-6 1.4 0 2.7.3 3.8.9" stroke-linecap="round" />
          <path d="M18 14v6M15 17h6" stroke-linecap="round" />
        </svg>
      </button>
    </header>
    @if (banner(); as text) {
      <div class="banner" role="status">
        <span class="spinner" aria-hidden="true"></span>
        {{ text }}
      </div>
    }
    <chat-message-log [now]="now()" (openImage)="viewing.set($event)" />
    <chat-composer />
    @if (profileOpen()) {
      <chat-profile-sheet (closed)="profileOpen.set(false)" (saved)="profileSaved()" />
    }
    <p class="toast" role="status" [class.shown]="toast()">{{ toast() }}</p>
    @if (viewing(); as image) {
      <chat-image-viewer [image]="image" (closed)="viewing.set(null)" />
    }
  `,
  styles: `
    :host {
      position: relative; display: flex; flex-direction: column; height: 100vh; height: var(--chat-height, 100dvh);
      max-width: 720px; margin: 0 auto; background: #ededed; overflow: hidden;
    }
    @media (min-width: 721px) { :host { box-shadow: 0 0 0 1px #d6d6d6, 0 8px 40px rgb(0 0 0 / 0.08); } }
    .top {
      flex: none; display: grid; grid-template-columns: 48px 1fr 48px; align-items: center; min-height: 52px;
      padding: env(safe-area-inset-top) 4px 0; background: #ededed; border-bottom: 1px solid #dadada;
    }
    .title { text-align: center; min-width: 0; }
    h1 { margin: 0; font-size: 17px; font-weight: 600; line-height: 22px; }
    .status {
      margin: 0; min-height: 16px; font-size: 12px; line-height: 16px; color: #888; white-space: nowrap;
      overflow: hidden; text-overflow: ellipsis;
    }
    .dot { display: inline-block; width: 7px; height: 7px; border-radius: 50%; background: #bbb; margin-right: 4px; vertical-align: 1px; }
    .dot.on { background: #07c160; }
    .typing { color: #576b95; }
    .lang, .icon {
      width: 40px; height: 40px; display: grid; place-items: center; justify-self: center; border: 0;
      border-radius: 50%; background: none; color: #191919; cursor: pointer; padding: 0;
    }
    .lang { font-size: 14px; font-weight: 600; }
    .lang:focus-visible, .icon:focus-visible { outline: 2px solid #07c160; outline-offset: -2px; }
    .banner {
      flex: none; display: flex; align-items: center; justify-content: center; gap: 6px; padding: 5px 12px;
      background: #fdf0e6; color: #b26a2c; font-size: 12px; animation: appear 0.2s 0.6s both;
    }
    .spinner {
      width: 10px; height: 10px; border-radius: 50%; border: 1.5px solid #e3b58f; border-top-color: #b26a2c;
      animation: spin 0.8s linear infinite;
    }
    .toast {
      position: absolute; z-index: 5; left: 50%; top: 40%; transform: translateX(-50%); margin: 0;
      padding: 10px 18px; border-radius: 8px; background: rgb(0 0 0 / 0.72); color: #fff; font-size: 14px;
      pointer-events: none; opacity: 0; transition: opacity 0.2s;
    }
    .toast.shown { opacity: 1; }
    @keyframes spin { to { transform: rotate(360deg); } }
    @keyframes appear { from { opacity: 0; } to { opacity: 1; } }
  `,
})
export class ChatPage {
  protected readonly session = inject(ChatSession);
  protected readonly i18n = inject(ChatI18n);
  protected readonly t = this.i18n.t;
  protected readonly profileOpen = signal(false);
  protected readonly viewing = signal<ChatItemImage | null>(null);
  protected readonly toast = signal('');
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  /** Ticks each minute so "today" / "yesterday" labels stay true past midnight. */
  protected readonly now = signal(Date.now());

  protected readonly banner = computed(() => {
    switch (this.session.connection()) {
      case 'connecting':
        return this.t().connecting;
      case 'reconnecting':
        return this.t().reconnecting;
      default:
        return null;
    }
  });

  constructor() {
    this.session.start();
    const destroyRef = inject(DestroyRef);
    const clock = setInterval(() => this.now.set(Date.now()), 60_000);
    destroyRef.onDestroy(() => {
      clearInterval(clock);
      clearTimeout(this.toastTimer);
    });
    this.followVisualViewport(destroyRef);
  }

  protected profileSaved(): void {
    this.profileOpen.set(false);
    this.toast.set(this.t().saved);
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => this.toast.set(''), 2000);
  }

  // iOS Safari ignores interactive-widget: size the page to what the keyboard leaves visible.
  private followVisualViewport(destroyRef: DestroyRef): void {
    const view = inject(DOCUMENT).defaultView;
    const vv = view?.visualViewport;
    if (!view || !vv) return;
    const root = view.document.documentElement;
    const fit = () => {
      if (vv.scale > 1.01) return; // pinch-zoomed: the layout stays as it is
      root.style.setProperty('--chat-height', `${vv.height}px`);
      if (view.scrollY) view.scrollTo(0, 0);
    };
    vv.addEventListener('resize', fit);
    destroyRef.onDestroy(() => vv.removeEventListener('resize', fit));
    fit();
  }
}
