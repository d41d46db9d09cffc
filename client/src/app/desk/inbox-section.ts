import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { InboxItem } from '@hearth/contract';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import type { InboxView } from './chat-api';
import { PlainTime, plainTime } from './inbox-list';
import type { InboxSectionState } from './inbox-store';

/**
 * One part of the inbox: a heading, then conversations as links to the customer, each with a
 * plain time — when the wait began, or when the last message came. No durations, no colours.
 */
@Component({
  selector: 'app-inbox-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslatePipe],
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

  protected readonly headingId = computed(() => `inbox-${this.view()}-heading`);

  protected preview(item: InboxItem): string {
    const { body, hasImage, from } = item.lastMessage;
    const text = body.trim() ? body : hasImage ? this.i18n.t('event.image') : '';
    return from === 'staff' ? this.i18n.t('inbox.staffPrefix') + text : text;
  }

  /** "等待自 10:32" for someone waiting; the last message's time otherwise. */
  protected when(item: InboxItem): string {
    const waiting = this.view() === 'waiting' && item.waitingSince;
    const time = this.format(plainTime(waiting ? item.waitingSince! : item.lastMessage.at, new Date(), this.i18n.lang()));
    return waiting ? this.i18n.t('inbox.waitingSince', { time }) : time;
  }

  protected whenIso(item: InboxItem): string {
    return this.view() === 'waiting' && item.waitingSince ? item.waitingSince : item.lastMessage.at;
  }

  private format(time: PlainTime): string {
    if (time.kind === 'today') return time.time;
    if (time.kind === 'yesterday') return this.i18n.t('inbox.yesterdayAt', { time: time.time });
    return time.date;
  }
}
