import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ChatImage } from '@hearth/contract';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '../core/i18n';
import { ChatOutbox } from './chat-outbox';
import { ConversationStore } from './conversation-store';
import type { TimelineEvent } from './customer';
import { chatClientId, deliveryLabel, deliveryState } from './delivery-state';
import { EventRenderer } from './event-renderer';

const THUMB_MAX = 240;

/** Same-origin paths (what the server gives) and local previews only: never another site. */
export function localImageUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  return /^\/(?!\/)/.test(url) || url.startsWith('blob:') ? url : null;
}

function imageOf(event: TimelineEvent): ChatImage | null {
  const image = event.details?.['image'];
  if (!image || typeof image !== 'object') return null;
  const candidate = image as Partial<ChatImage>;
  const url = localImageUrl(candidate.url);
  const thumbUrl = localImageUrl(candidate.thumbUrl);
  if (!url || !thumbUrl) return null;
  return { id: String(candidate.id ?? ''), url, thumbUrl, width: Number(candidate.width) || 0, height: Number(candidate.height) || 0, mime: String(candidate.mime ?? '') };
}

/**
 * Web chat: a bubble, customer on the left, staff on the right; an image as a thumbnail that
 * opens the original; for staff replies, how far it got (发送中 → 已发送 → 已送达 → 已读).
 */
@Component({
  selector: 'app-chat-message-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  templateUrl: './chat-message-event.html',
  styleUrl: './chat-message-event.scss',
  host: { '[class.staff]': 'event().author.type === "staff"' },
})
export class ChatMessageEvent implements EventRenderer {
  private readonly outbox = inject(ChatOutbox);
  private readonly conversation = inject(ConversationStore, { optional: true });

  readonly event = input.required<TimelineEvent>();

  protected readonly image = computed(() => imageOf(this.event()));
  /** The thumbnail's box before it loads, so the timeline doesn't jump. */
  protected readonly thumbSize = computed(() => {
    const image = this.image();
    if (!image?.width || !image.height) return null;
    const scale = Math.min(1, THUMB_MAX / Math.max(image.width, image.height));
    return { width: Math.round(image.width * scale), height: Math.round(image.height * scale) };
  });
  protected readonly clientId = computed(() => chatClientId(this.event()));
  protected readonly delivery = computed(() => {
    const clientId = this.clientId();
    const outgoing = clientId ? this.outbox.entries().find((e) => e.clientId === clientId) : undefined;
    return deliveryState(this.event(), this.conversation?.receipts() ?? null, outgoing);
  });
  protected readonly deliveryLabel = computed(() => deliveryLabel(this.delivery()));
  protected readonly failure = computed(() => {
    const delivery = this.delivery();
    return delivery?.kind === 'failed' ? delivery.reason : null;
  });

  protected retry(): void {
    const clientId = this.clientId();
    if (clientId) this.outbox.retry(clientId);
  }

  protected discard(): void {
    const clientId = this.clientId();
    if (clientId) this.outbox.discard(clientId);
  }
}
