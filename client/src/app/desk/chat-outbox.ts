import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ChatImage, TimelineEvent } from '@hearth/contract';
import { Subject, firstValueFrom } from 'rxjs';
import { newClientId } from '../../shared/client-id';
import { apiErrorCode, apiErrorMessage, apiErrorStatus, apiErrorText } from '../core/api-error';
import { Auth } from '../core/auth';
import { I18n, MessageKey } from '../core/i18n';
import { Realtime } from '../core/realtime';
import { ChatApi } from './chat-api';
import { DRAFTS_KEY, OUTBOX_KEY, isDraftOf, readJson, sessionStorageOf, writeJson } from './reply-storage';

/**
 * - `uploading`: the image is on its way up;
 * - `sending`: sent, no answer yet;
 * - `waiting`: offline, goes out (same clientId) once the socket is back;
 * - `failed`: the server refused it, or never answered while connected; a person retries.
 */
export type OutgoingStatus = 'uploading' | 'sending' | 'waiting' | 'failed';

/** A chat reply not yet acknowledged as stored. */
export interface Outgoing {
  readonly clientId: string;
  readonly customerId: string;
  readonly staffId: string;
  readonly staffName: string;
  readonly body: string;
  readonly image: ChatImage | null;
  /** A local preview of an image still uploading (memory only). */
  readonly preview: string | null;
  readonly status: OutgoingStatus;
  /** Why it failed, in words for the reader. */
  readonly error: string | null;
  readonly createdAt: string;
  /** The channel it goes out on (the conversation's when it was written); absent: web chat. */
  readonly via?: 'chat' | 'wechat';
}

/** The server's reasons for refusing an image, in the reader's language (others show as sent). */
const IMAGE_ERRORS: Readonly<Record<string, MessageKey>> = {
  'image.too_large': 'chat.imageTooLarge',
  'image.too_many_pixels': 'chat.imageTooLarge',
  'image.unsupported_type': 'chat.imageUnsupported',
  'image.unreadable': 'chat.imageUnreadable',
};

/** The server's refusals of a reply that people should read in their language (others show the server's words). */
const ACK_ERRORS: Readonly<Record<string, MessageKey>> = {
  'wechat.channel_disabled': 'wechatReply.ack.channel_disabled',
  'wechat.image_unsupported': 'wechatReply.ack.image_unsupported',
};

/**
 * Replies on their way out, for every customer: each keeps its clientId from the first try to the
 * stored message, through reconnects and page reloads (kept in sessionStorage, like unsent drafts),
 * so the server stores it exactly once.
 */
@Injectable({ providedIn: 'root' })
export class ChatOutbox {
  private readonly realtime = inject(Realtime);
  private readonly api = inject(ChatApi);
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);
  private readonly storage = sessionStorageOf(inject(DOCUMENT));

  private readonly list = signal<readonly Outgoing[]>(this.restore());
  private readonly draftTexts = signal<Readonly<Record<string, string>>>(readJson(this.storage, DRAFTS_KEY) ?? {});
  private readonly inFlight = new Set<string>();
  /** Images still to upload, kept for a retry (files cannot go to sessionStorage). */
  private readonly files = new Map<string, Blob>();
  private readonly stored = new Subject<TimelineEvent>();

  /** My replies not yet stored, oldest first (another person signed in on this tab keeps theirs). */
  readonly entries = computed(() => {
    const me = this.auth.staff()?.id;
    return this.list().filter((e) => e.staffId === me);
  });
  /** Replies the server acknowledged, for the timeline to show at once. */
  readonly stored$ = this.stored.asObservable();

  constructor() {
    this.realtime.connect$.pipe(takeUntilDestroyed()).subscribe(() => this.flush());
    // Our own reply may come back over the socket before its ack: it is stored, stop retrying.
    this.realtime.timelineEvent$.pipe(takeUntilDestroyed()).subscribe((event) => {
      const reply = event.kind === 'chat.message' || event.kind === 'wechat.message';
      const clientId = reply ? event.details?.['clientId'] : undefined;
      if (typeof clientId === 'string' && event.author.type === 'staff') {
        const entry = this.find(clientId);
        if (entry && entry.customerId === event.customerId && entry.staffId === event.author.id) this.remove(clientId);
      }
    });
    // Whoever signs out takes their replies and drafts with them (reply-storage clears the tab's copy too).
    this.auth.signedOut$.pipe(takeUntilDestroyed()).subscribe((staff) => this.forget(staff.id));
    this.flush();
  }

  /** My unsent text in the reply box for a customer. */
  draft(customerId: string): string {
    return this.draftTexts()[this.draftKey(customerId)] ?? '';
  }

  setDraft(customerId: string, text: string): void {
    if (this.draft(customerId) === text) return;
    const key = this.draftKey(customerId);
    const { [key]: _, ...others } = this.draftTexts();
    this.draftTexts.set(text ? { ...others, [key]: text } : others);
    writeJson(this.storage, DRAFTS_KEY, this.draftTexts());
  }

  /** Sends a text reply; it shows as sending until the server has stored it. `via`: the channel it goes out on. */
  send(customerId: string, body: string, via: 'chat' | 'wechat' = 'chat'): void {
    const entry = this.add(customerId, { body, image: null, preview: null, status: 'sending', ...(via === 'wechat' ? { via } : {}) });
    if (entry) this.dispatch(entry.clientId);
  }

  /**
   * Uploads an image and sends it. Resolves with the server's reason when it refused the file
   * (too large, not an image): then nothing is queued, the reason is for the person to read.
   */
  async sendImage(customerId: string, file: Blob, via: 'chat' | 'wechat' = 'chat'): Promise<string | null> {
    const preview = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null;
    const entry = this.add(customerId, { body: '', image: null, preview, status: 'uploading', ...(via === 'wechat' ? { via } : {}) });
    if (!entry) return null;
    this.files.set(entry.clientId, file);
    return this.upload(entry.clientId);
  }

  /** Tries a failed reply again, with the same clientId. */
  retry(clientId: string): void {
    const entry = this.find(clientId);
    if (!entry || entry.status !== 'failed') return;
    if (!entry.image && this.files.has(clientId)) {
      this.patch(clientId, { status: 'uploading', error: null });
      void this.upload(clientId);
    } else {
      this.patch(clientId, { status: 'sending', error: null });
      this.dispatch(clientId);
    }
  }

  /** Gives up on a failed reply. */
  discard(clientId: string): void {
    if (this.find(clientId)?.status === 'failed') this.remove(clientId);
  }

  find(clientId: string): Outgoing | undefined {
    return this.list().find((e) => e.clientId === clientId);
  }

  private draftKey(customerId: string): string {
    return `${this.auth.staff()?.id ?? ''}:${customerId}`;
  }

  private add(customerId: string, fields: Pick<Outgoing, 'body' | 'image' | 'preview' | 'status' | 'via'>): Outgoing | null {
    const staff = this.auth.staff();
    if (!staff) return null;
    const entry: Outgoing = {
      clientId: newClientId(),
      customerId,
      staffId: staff.id,
      staffName: staff.displayName,
      error: null,
      createdAt: new Date().toISOString(),
      ...fields,
    };
    this.set([...this.list(), entry]);
    return entry;
  }

  private async upload(clientId: string): Promise<string | null> {
    const file = this.files.get(clientId);
    if (!file) return null;
    try {
      const image = await firstValueFrom(this.api.uploadImage(file, file instanceof File ? file.name : 'image'));
      this.files.delete(clientId);
      this.patch(clientId, { image, status: 'sending' });
      this.dispatch(clientId);
      return null;
    } catch (error: unknown) {
      // Refused for what the file is (too large, not an image, damaged): a retry cannot help.
      const status = apiErrorStatus(error);
      if (status === 400 || status === 413 || status === 415) {
        this.remove(clientId);
        const known = IMAGE_ERRORS[apiErrorCode(error) ?? ''];
        return known ? this.i18n.t(known) : (apiErrorText(error) ?? this.i18n.t(apiErrorMessage(error)));
      }
      this.patch(clientId, { status: 'failed', error: this.i18n.t(apiErrorMessage(error)) });
      return null;
    }
  }

  /** Sends every reply that is due: after a reconnect, or after a reload restored them. */
  private flush(): void {
    for (const entry of this.list()) {
      if (entry.status === 'sending' || entry.status === 'waiting') this.dispatch(entry.clientId);
    }
  }

  private dispatch(clientId: string): void {
    const entry = this.find(clientId);
    if (!entry || (!entry.image && !entry.body) || this.inFlight.has(clientId)) return;
    // Another person may be signed in on this tab now: their socket must not send it.
    if (entry.staffId !== this.auth.staff()?.id) return;
    if (!this.realtime.connected()) {
      this.patch(clientId, { status: 'waiting' });
      return;
    }
    this.inFlight.add(clientId);
    this.patch(clientId, { status: 'sending' });
    this.realtime
      .sendChat({
        customerId: entry.customerId,
        clientId,
        ...(entry.body ? { body: entry.body } : {}),
        ...(entry.image ? { imageId: entry.image.id } : {}),
      })
      .then(
        (res) => {
          this.inFlight.delete(clientId);
          if (res.ok) {
            this.remove(clientId);
            this.stored.next(res.message);
          } else {
            this.patch(clientId, { status: 'failed', error: this.refusal(res.code, res.message) });
          }
        },
        () => {
          this.inFlight.delete(clientId);
          // No answer: offline, it goes again on reconnect; online, the server is stuck, ask a person.
          if (this.realtime.connected()) this.patch(clientId, { status: 'failed', error: this.i18n.t('chat.noAnswer') });
          else this.patch(clientId, { status: 'waiting' });
        },
      );
  }

  /** A refusal in the reader's language when we know its code; else the server's own words. */
  private refusal(code: string | undefined, message: string): string {
    const known = ACK_ERRORS[code ?? ''];
    if (known) return this.i18n.t(known);
    return code?.startsWith('wechat.') ? this.i18n.t('wechatReply.ack.other', { message }) : message;
  }

  private patch(clientId: string, changes: Partial<Outgoing>): void {
    if (!this.find(clientId)) return;
    this.set(this.list().map((e) => (e.clientId === clientId ? { ...e, ...changes } : e)));
  }

  private remove(clientId: string): void {
    const entry = this.find(clientId);
    if (!entry) return;
    if (entry.preview) URL.revokeObjectURL?.(entry.preview);
    this.files.delete(clientId);
    this.set(this.list().filter((e) => e.clientId !== clientId));
  }

  private forget(staffId: string): void {
    for (const entry of this.list()) {
      if (entry.staffId !== staffId) continue;
      if (entry.preview) URL.revokeObjectURL?.(entry.preview);
      this.files.delete(entry.clientId);
    }
    this.set(this.list().filter((e) => e.staffId !== staffId));
    this.draftTexts.set(Object.fromEntries(Object.entries(this.draftTexts()).filter(([key]) => !isDraftOf(key, staffId))));
    writeJson(this.storage, DRAFTS_KEY, this.draftTexts());
  }

  private set(list: readonly Outgoing[]): void {
    this.list.set(list);
    // An image still uploading cannot survive a reload (its file is in memory only).
    const kept = list.filter((e) => e.status !== 'uploading').map((e) => ({ ...e, preview: null }));
    writeJson(this.storage, OUTBOX_KEY, kept);
  }

  private restore(): readonly Outgoing[] {
    const saved = readJson<Outgoing[]>(this.storage, OUTBOX_KEY);
    return Array.isArray(saved) ? saved.filter((e) => e && typeof e.clientId === 'string' && e.status !== 'uploading') : [];
  }
}
