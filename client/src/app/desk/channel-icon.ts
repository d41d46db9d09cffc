import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { channelFamily, channelIcon } from './customer';

/** A channel's icon in its colour (WeChat green, forum blue …). Decorative: label it nearby. */
@Component({
  selector: 'app-channel-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="material-symbols-outlined" aria-hidden="true">{{ icon() }}</span>`,
  host: { '[class]': '"channel-" + family()', 'aria-hidden': 'true' },
  styles: `
    :host {
      display: inline-grid;
      place-items: center;
      width: var(--channel-icon-size, 24px);
      height: var(--channel-icon-size, 24px);
      border-radius: 50%;
      flex: none;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    span {
      font-size: calc(var(--channel-icon-size, 24px) * 0.62);
      font-variation-settings: 'FILL' 1, 'wght' 400, 'GRAD' 0, 'opsz' 20;
    }
    :host(.channel-chat) { background: #dbe7ff; color: #2451b3; }
    :host(.channel-wechat) { background: #07c160; color: #fff; }
    :host(.channel-forum) { background: #ece1ff; color: #6034b0; }
    :host(.channel-store) { background: #ffe2cc; color: #9a4a00; }
    :host(.channel-desk) { background: #fff0b8; color: #7a5a00; }
    :host(.channel-phone) { background: #d8f0ea; color: #1d6b58; }
  `,
})
export class ChannelIcon {
  /** An event channel (`chat`) or an identity channel (`wechat:wx123`, `web`, `phone`). */
  readonly channel = input.required<string>();
  protected readonly family = computed(() => channelFamily(this.channel()));
  protected readonly icon = computed(() => channelIcon(this.channel()));
}
