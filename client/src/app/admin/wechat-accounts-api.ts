import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { WeChatChannel } from '@hearth/contract';
import { Observable, map } from 'rxjs';

export type { WeChatChannel };

/** What an admin sends to connect an account; the secrets go in and never come back. */
export interface WeChatChannelFields {
  readonly name: string;
  readonly appId: string;
  readonly appSecret: string;
  readonly token: string;
  readonly encodingAesKey?: string;
}

/** Any subset; a secret left out keeps its value, `encodingAesKey: null` switches to plain mode. */
export interface WeChatChannelChanges {
  readonly name?: string;
  readonly appSecret?: string;
  readonly token?: string;
  readonly encodingAesKey?: string | null;
  readonly active?: boolean;
}

/** Connected WeChat Official Accounts (`/api/channels/wechat`, admins only). */
@Injectable({ providedIn: 'root' })
export class WeChatAccountsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<readonly WeChatChannel[]> {
    return this.http.get<{ channels: WeChatChannel[] }>('/api/channels/wechat').pipe(map((res) => res.channels));
  }

  create(fields: WeChatChannelFields): Observable<WeChatChannel> {
    return this.http
      .post<{ id: string; callbackPath: string; channel: WeChatChannel }>('/api/channels/wechat', fields)
      .pipe(map((res) => res.channel));
  }

  update(id: string, changes: WeChatChannelChanges): Observable<WeChatChannel> {
    return this.http
      .patch<{ channel: WeChatChannel }>(`/api/channels/wechat/${encodeURIComponent(id)}`, changes)
      .pipe(map((res) => res.channel));
  }
}
