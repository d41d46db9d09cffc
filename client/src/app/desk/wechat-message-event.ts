import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer, detail } from './event-renderer';

/** WeChat: the official account it came through, the message (images read as [图片]). */
@Component({
  selector: 'app-wechat-message-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    @if (account()) {
      <p class="label account">{{ account() }}</p>
    }
    <p class="bubble body" [class.staff]="event().author.type === 'staff'">
      @if (isImage()) {
        {{ 'event.image' | t }}
      } @else {
        {{ event().body }}
      }
    </p>
  `,
  styles: `
  .body { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
  .label { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .account { margin-bottom: 4px; color: #07804a; }
    .bubble {
      display: inline-block;
      max-width: min(560px, 85%);
      padding: 10px 14px;
      border-radius: 8px;
      background: #e9f8ef;
      border: 1px solid #b7e8c9;
    }
    .bubble.staff { background: #95ec69; border-color: #7dd957; color: #10270a; }
  `,
})
export class WechatMessageEvent implements EventRenderer {
  readonly event = input.required<TimelineEvent>();
  protected readonly account = computed(() => detail(this.event(), 'account'));
  protected readonly isImage = computed(() => detail(this.event(), 'msgType') === 'image');
}
