import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { WeChatMessageDetails } from '@hearth/contract';
import { MessageKey, TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { deliveryLabel, deliveryState } from './delivery-state';
import { EventRenderer, detail, safeUrl } from './event-renderer';

const EVENT_TEXT: Readonly<Record<string, MessageKey>> = {
  subscribe: 'wechat.event.subscribe',
  unsubscribe: 'wechat.event.unsubscribe',
  CLICK: 'wechat.event.CLICK',
  VIEW: 'wechat.event.VIEW',
};

const MEDIA_LABEL: Readonly<Record<string, MessageKey>> = {
  voice: 'wechat.voice',
  video: 'wechat.video',
  shortvideo: 'wechat.shortvideo',
};

/**
 * WeChat: the WeChat mark and the account it came through, then the message as its type needs
 * (a photo's link, a voice message's recognised words, a place, a link, a follow or menu tap);
 * a type we don't know shows with its original XML. Replies from the desk say whether WeChat
 * took them (已发送: WeChat accepted it, which is not proof the customer saw it), or why not.
 */
@Component({
  selector: 'app-wechat-message-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <p class="label via">
      <span class="mark">{{ 'wechat.mark' | t }}</span>
      @if (account(); as account) {
        <span>{{ 'wechat.via' | t: { account } }}</span>
      }
    </p>
    @switch (type()) {
      @case ('event') {
        <p class="system">{{ eventText() | t: { key: d().eventKey ?? '', event: d().event ?? '' } }}</p>
      }
      @case ('unknown') {
        <p class="system">{{ 'wechat.unknown' | t: { type: d().rawType ?? '' } }}</p>
      }
      @default {
        <div class="bubble" [class.staff]="staff()">
          @switch (type()) {
            @case ('image') {
              @if (picUrl(); as url) {
                <a class="media-link" [href]="url" target="_blank" rel="noopener noreferrer">
                  <span class="material-symbols-outlined" aria-hidden="true">image</span>{{ 'wechat.openImage' | t }}
                </a>
              } @else {
                <span>{{ 'event.image' | t }}</span>
              }
            }
            @case ('location') {
              <p class="body">
                <span class="material-symbols-outlined" aria-hidden="true">location_on</span>
                {{ d().location?.label || ('wechat.location' | t) }}
              </p>
              <p class="label">{{ d().location?.x }}, {{ d().location?.y }}</p>
            }
            @case ('link') {
              @if (linkUrl(); as url) {
                <a class="title" [href]="url" target="_blank" rel="noopener noreferrer">{{ d().link?.title || url }}</a>
              } @else {
                <p class="title">{{ d().link?.title || ('wechat.link' | t) }}</p>
              }
              @if (d().link?.description) {
                <p class="body">{{ d().link?.description }}</p>
              }
            }
            @case ('text') {
              <p class="body">{{ event().body }}</p>
            }
            @default {
              <p class="body">
                <span class="material-symbols-outlined" aria-hidden="true">{{ type() === 'voice' ? 'mic' : 'movie' }}</span>
                {{ mediaLabel() | t }}
              </p>
              @if (d().recognition) {
                <p class="body recognition">“{{ d().recognition }}”</p>
              }
            }
          }
          @if (d().mediaId; as mediaId) {
            <p class="label media">{{ 'wechat.media' | t: { id: mediaId } }}</p>
          }
        </div>
      }
    }
    @if (d().raw) {
      <details class="raw">
        <summary>{{ 'wechat.raw' | t }}</summary>
        <pre>{{ d().raw }}</pre>
      </details>
    }
    @if (deliveryLabel(); as label) {
      <p class="label delivery">{{ label | t }}</p>
    }
    @if (undelivered(); as failure) {
      <p class="undelivered" role="alert">
        <span class="material-symbols-outlined" aria-hidden="true">error</span>
        <span>{{ 'wechat.undelivered' | t: { reason: (failure.key | t: { errcode: failure.errcode }) } }}</span>
      </p>
    }
  `,
  styles: `
    :host { display: block; }
    .body { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; margin: 0; }
    .label { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); margin: 0; }
    .via { display: flex; align-items: center; gap: 6px; margin-bottom: 4px; color: #07804a; }
    .mark { padding: 0 6px; border-radius: 4px; background: #07c160; color: #fff; font-weight: 600; }
    .system { margin: 0; color: var(--mat-sys-on-surface-variant); font-style: italic; }
    .bubble {
      display: inline-block;
      max-width: min(560px, 85%);
      padding: 10px 14px;
      border-radius: 8px;
      background: #e9f8ef;
      border: 1px solid #b7e8c9;
    }
    .bubble.staff { background: #95ec69; border-color: #7dd957; color: #10270a; }
    .bubble .material-symbols-outlined { font-size: 18px; vertical-align: -4px; margin-right: 4px; }
    .title { font-weight: 600; display: block; overflow-wrap: anywhere; margin: 0; }
    .recognition { margin-top: 4px; }
    .media { margin-top: 4px; overflow-wrap: anywhere; }
    .media-link { color: inherit; }
    .raw pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 12px; max-height: 240px; overflow: auto; }
    .delivery { margin-top: 2px; }
    .undelivered {
      display: flex;
      gap: 6px;
      align-items: flex-start;
      margin: 4px 0 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .undelivered .material-symbols-outlined { font-size: 18px; }
  `,
})
export class WechatMessageEvent implements EventRenderer {
  readonly event = input.required<TimelineEvent>();

  protected readonly d = computed(() => (this.event().details ?? {}) as Partial<WeChatMessageDetails>);
  protected readonly type = computed(() => this.d().msgType ?? 'text');
  protected readonly account = computed(() => detail(this.event(), 'account'));
  protected readonly staff = computed(() => this.event().author.type === 'staff');
  protected readonly picUrl = computed(() => safeUrl(this.d().picUrl ?? null));
  protected readonly linkUrl = computed(() => safeUrl(this.d().link?.url ?? null));
  protected readonly eventText = computed<MessageKey>(() => EVENT_TEXT[this.d().event ?? ''] ?? 'wechat.event.other');
  protected readonly mediaLabel = computed<MessageKey>(() => MEDIA_LABEL[this.type()] ?? 'wechat.voice');
  private readonly delivery = computed(() => deliveryState(this.event(), null, undefined));
  protected readonly deliveryLabel = computed(() => deliveryLabel(this.delivery()));
  protected readonly undelivered = computed(() => {
    const delivery = this.delivery();
    if (delivery?.kind !== 'undelivered') return null;
    const key: MessageKey = delivery.reason === 'uncertain' ? 'wechatReply.reason.uncertain' : (`wechat.reason.${delivery.reason}` as MessageKey);
    return { key, errcode: String(delivery.errcode ?? '') };
  });
}
