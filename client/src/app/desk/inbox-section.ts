import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { InboxItem } from '@hearth/contract';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { ChannelIcon } from './channel-icon';
import type { InboxView } from './chat-api';
import { plainTime, plainTimeWords } from './inbox-list';
import type { InboxSectionState } from './inbox-store';

/**
 * One part of the inbox: a heading, then conversations as links to the customer, each with a
 * plain time — when the wait began, or when the last message came. No durations, no colours.
 * A person a store asked us to get back to (`channel: 'store'`) shows the store's note instead of
 * a chat preview, and "已跟进" once someone has.
 */
@Component({
  selector: 'app-inbox-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, ChannelIcon, TranslatePipe],
  templateUrl: './inbox-section.html',
  styleUrl: './inbox-section.scss',
})
export class InboxSection {
  private readonly i18n = inject(I18n);

  readonly view = input.required<InboxView>();
  readonly title = input.required<MessageKey>();
  readonly emptyTitle = input.required<MessageKey>();
  readonly emptyBody = input<MessageKey | null>(null);
  readonly state = input.required<InboxSectionState>();
  readonly retry = output<void>();
  readonly more = output<void>();
  /** "已跟进" was pressed on a store follow-up. */
  readonly handled = output<string>();

  protected readonly headingId = computed(() => `inbox-${this.view()}-heading`);

  protected isStoreFollowUp(item: InboxItem): boolean {
    return item.channel === 'store';
  }

  protected preview(item: InboxItem): string {
    // The store's note is from staff but is a request, not our answer: no "我们：".
    if (this.isStoreFollowUp(item)) return this.i18n.t('inbox.storeFollowUp', { note: item.lastMessage.body.trim() });
    const { body, hasImage, from } = item.lastMessage;
    const text = body.trim() ? body : hasImage ? this.i18n.t('event.image') : '';
    return from === 'staff' ? this.i18n.t('inbox.staffPrefix') + text : text;
  }

  /** "等待自 10:32" for someone waiting; the last message's time otherwise. */
  protected when(item: InboxItem): string {
    const waiting = this.view() === 'waiting' && item.waitingSince;
    const time = plainTimeWords(plainTime(waiting ? item.waitingSince! : item.lastMessage.at, new Date(), this.i18n.lang()), this.i18n);
    return waiting ? this.i18n.t('inbox.waitingSince', { time }) : time;
  }

  protected whenIso(item: InboxItem): string {
    return this.view() === 'waiting' && item.waitingSince ? item.waitingSince : item.lastMessage.at;
  }
}
