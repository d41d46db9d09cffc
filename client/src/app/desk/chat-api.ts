import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChatImage, ConversationState, InboxItem, QuickReply } from '@hearth/contract';
import { Observable, map } from 'rxjs';

export type InboxView = 'waiting' | 'recent';

export interface InboxPage {
  readonly items: readonly InboxItem[];
  readonly nextCursor: string | null;
}

/** The desk's side of web chat over HTTP: inbox, a customer's conversation, quick replies, images. */
@Injectable({ providedIn: 'root' })
export class ChatApi {
  private readonly http = inject(HttpClient);

  /** `waiting`: oldest first; `recent`: newest first. */
  inbox(view: InboxView, cursor: string | null = null, limit = 30): Observable<InboxPage> {
    let params = new HttpParams().set('view', view).set('limit', limit);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<InboxPage>('/api/inbox', { params });
  }

  conversation(customerId: string): Observable<ConversationState> {
    return this.http.get<ConversationState>(`/api/customers/${encodeURIComponent(customerId)}/conversation`);
  }

  /**
   * We got back to this person (a call, a visit…): nobody waits any more. 204; the server also
   * sends `inbox.changed` with `waitingSince: null`.
   */
  markHandled(customerId: string): Observable<void> {
    return this.http.post<void>(`/api/inbox/${encodeURIComponent(customerId)}/handled`, null);
  }

  quickReplies(): Observable<readonly QuickReply[]> {
    return this.http.get<{ items: QuickReply[] }>('/api/quick-replies').pipe(map((res) => res.items));
  }

  addQuickReply(text: string): Observable<QuickReply> {
    return this.http.post<QuickReply>('/api/quick-replies', { text });
  }

  editQuickReply(id: string, text: string): Observable<QuickReply> {
    return this.http.patch<QuickReply>(`/api/quick-replies/${encodeURIComponent(id)}`, { text });
  }

  removeQuickReply(id: string): Observable<void> {
    return this.http.delete<void>(`/api/quick-replies/${encodeURIComponent(id)}`);
  }

  /** Uploads an image for a chat reply; the server checks its type by content and its size. */
  uploadImage(file: Blob, name = 'image'): Observable<ChatImage> {
    const form = new FormData();
    form.append('file', file, name);
    return this.http.post<ChatImage>('/api/chat/images', form);
  }
}
