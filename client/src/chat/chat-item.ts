import type { ChatMessage } from '@hearth/contract';
import type { OutboxEntry, OutboxError } from './outbox';

export type ChatItemImage = { url: string; thumbUrl: string; width: number | null; height: number | null };

/** One bubble as the page shows it: a stored message, or one of the visitor's still unsent. */
export type ChatItem = {
  /** Stable across "sending" → stored, so the bubble is not redrawn when the ack arrives. */
  readonly key: string;
  readonly clientId: string;
  readonly mine: boolean;
  readonly staffName: string | null;
  readonly body: string;
  readonly image: ChatItemImage | null;
  readonly at: number;
  readonly state: 'sent' | 'sending' | 'failed';
  readonly error: OutboxError | null;
  /** False for a failed image whose file is no longer here: it can only be deleted. */
  readonly canRetry: boolean;
};

// Event ids are increasing numbers (as strings): the shorter is the older.
export function byTime(a: ChatMessage, b: ChatMessage): number {
  return Date.parse(a.at) - Date.parse(b.at) || a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function fromMessage(m: ChatMessage): ChatItem {
  const mine = m.from === 'customer';
  return {
    key: `${mine ? 'c' : 's'}:${m.clientId || m.id}`,
    clientId: m.clientId,
    mine,
    staffName: m.staffName,
    body: m.body,
    image: m.image ? { url: m.image.url, thumbUrl: m.image.thumbUrl, width: m.image.width, height: m.image.height } : null,
    at: Date.parse(m.at),
    state: 'sent',
    error: null,
    canRetry: false,
  };
}

export function fromEntry(e: OutboxEntry, preview: string | undefined): ChatItem {
  // The local preview is already decoded: keep showing it until the stored message replaces it.
  const image: ChatItemImage | null = preview
    ? { url: preview, thumbUrl: preview, width: e.image?.width ?? null, height: e.image?.height ?? null }
    : e.image
      ? { url: e.image.url, thumbUrl: e.image.thumbUrl, width: e.image.width, height: e.image.height }
      : null;
  return {
    key: `c:${e.clientId}`,
    clientId: e.clientId,
    mine: true,
    staffName: null,
    body: e.body ?? '',
    image,
    at: e.createdAt,
    state: e.state,
    error: e.error ?? null,
    canRetry: !!e.body || !!e.imageId || !!preview,
  };
}
