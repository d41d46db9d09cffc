import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  afterNextRender,
  afterRenderEffect,
  computed,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { ChatI18n } from './chat-i18n';
import { ChatItem, ChatItemImage, ChatSession } from './chat-session';
import { MessageBubble } from './message-bubble';
import { startsTimeGroup, timeLabel } from './time-labels';

/** Within this many pixels of the end counts as "at the bottom". */
const BOTTOM_SLACK_PX = 48;
/** Start loading older messages this close to the top. */
const TOP_SLACK_PX = 160;

type Row = { item: ChatItem; label: string | null };

/**
 * The conversation: time labels, bubbles, older pages on scrolling up, and staying at the bottom
 * when something new arrives while the visitor is there.
 */
@Component({
  selector: 'chat-message-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MessageBubble],
  template: `
    <div #scroller class="log" role="log" [attr.aria-label]="t().conversation" (scroll)="onScroll()">
      @if (session.loadingOlder()) {
        <p class="older" role="status">{{ t().loadingOlder }}</p>
      }
      @if (session.historyLoaded() && !rows().length) {
        <p class="empty">{{ t().empty }}</p>
      }
      <div #content>
        @for (row of rows(); track row.item.key) {
          @if (row.label) {
            <p class="time"><time [attr.datetime]="iso(row.item.at)">{{ row.label }}</time></p>
          }
          <chat-message-bubble
            [item]="row.item"
            [myName]="session.profile().name"
            (openImage)="openImage.emit($event)"
            (retry)="session.retry($event)"
            (discard)="session.discard($event)"
          />
        }
      </div>
    </div>
  `,
  styles: `
    :host { display: block; position: relative; flex: 1; min-height: 0; }
    .log {
      height: 100%; overflow-y: auto; overscroll-behavior: contain; overflow-anchor: none;
      -webkit-overflow-scrolling: touch; padding: 8px 0 12px;
    }
    .time { margin: 14px 0 6px; text-align: center; font-size: 12px; color: #9a9a9a; }
    .empty { margin: 40px 32px; text-align: center; font-size: 14px; color: #9a9a9a; line-height: 1.6; }
    .older {
      position: absolute; z-index: 1; top: 8px; left: 50%; transform: translateX(-50%); margin: 0;
      padding: 4px 12px; border-radius: 12px; background: rgb(0 0 0 / 0.45); color: #fff; font-size: 12px;
      white-space: nowrap;
    }
  `,
})
export class MessageLog {
  protected readonly session = inject(ChatSession);
  private readonly i18n = inject(ChatI18n);
  private readonly document = inject(DOCUMENT);
  protected readonly t = this.i18n.t;

  /** Now, to the minute: decides "today" and "yesterday" in time labels. */
  readonly now = input(Date.now());
  readonly openImage = output<ChatItemImage>();

  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  private readonly content = viewChild.required<ElementRef<HTMLElement>>('content');
  private atBottom = true;
  private lastKey: string | null = null;
  /** Where the visitor was when an older page was asked for: kept in view when it arrives. */
  private anchor: { firstKey: string | undefined; height: number; top: number } | null = null;

  protected readonly rows = computed<Row[]>(() => {
    const now = this.now();
    const lang = this.i18n.lang();
    let previous: number | null = null;
    return this.session.items().map((item) => {
      const label = startsTimeGroup(previous, item.at) ? timeLabel(item.at, now, lang) : null;
      previous = item.at;
      return { item, label };
    });
  });

  constructor() {
    afterRenderEffect(() => {
      const rows = this.rows();
      const el = this.scroller().nativeElement;
      const last = rows.at(-1)?.item;
      const newOwn = !!last && last.mine && last.key !== this.lastKey && last.state !== 'sent';
      this.lastKey = last?.key ?? null;
      if (this.anchor && rows[0]?.item.key !== this.anchor.firstKey) {
        el.scrollTop = el.scrollHeight - this.anchor.height + this.anchor.top;
        this.anchor = null;
      } else if (this.atBottom || newOwn) {
        this.scrollToBottom();
      }
      // A first page too short to scroll cannot be scrolled up to ask for more.
      if (this.session.hasOlder() && el.scrollHeight <= el.clientHeight) this.askForOlder();
      this.session.setViewing(this.atBottom);
    });

    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const view = this.document.defaultView;
      if (!view || typeof view.ResizeObserver !== 'function') return;
      // The keyboard opening shrinks the list, an image loading or an error line grows a bubble:
      // whoever was reading the newest keeps seeing it.
      const observer = new view.ResizeObserver(() => this.keepAtBottom());
      observer.observe(this.scroller().nativeElement);
      observer.observe(this.content().nativeElement);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }

  protected onScroll(): void {
    const el = this.scroller().nativeElement;
    this.atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK_PX;
    if (el.scrollTop < TOP_SLACK_PX) this.askForOlder();
    this.session.setViewing(this.atBottom);
  }

  private keepAtBottom(): void {
    if (this.atBottom) this.scrollToBottom();
  }

  protected iso(at: number): string {
    return new Date(at).toISOString();
  }

  private scrollToBottom(): void {
    const el = this.scroller().nativeElement;
    el.scrollTop = el.scrollHeight;
    this.atBottom = true;
  }

  private askForOlder(): void {
    if (!this.session.hasOlder() || this.session.loadingOlder()) return;
    const el = this.scroller().nativeElement;
    this.anchor = { firstKey: this.rows()[0]?.item.key, height: el.scrollHeight, top: el.scrollTop };
    void this.session.loadOlder();
  }
}
