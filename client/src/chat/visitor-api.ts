import { Injectable, InjectionToken, inject } from '@angular/core';
import type { ChatImage } from '@hearth/contract';

/** `fetch`, as a token so specs can answer requests themselves. */
export const CHAT_FETCH = new InjectionToken<typeof fetch>('CHAT_FETCH', {
  providedIn: 'root',
  factory: () => (input, init) => fetch(input, init),
});

export type UploadResult =
  | { ok: true; image: ChatImage }
  /** The server refused the file (`status` 4xx) and said why; 429 says when to try again. */
  | { ok: false; status: number; code: string | null; message: string | null; retryAfterMs?: number };

/** The chat's two HTTP calls; plain fetch keeps Angular's HttpClient out of the page's bundle. */
@Injectable({ providedIn: 'root' })
export class VisitorApi {
  private readonly fetch = inject(CHAT_FETCH);

  /** A new signed visitor token. Rejects when the server cannot be reached or refuses. */
  async createVisitor(): Promise<{ token: string; visitorId: string }> {
    const res = await this.fetch('/api/chat/visitor', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    if (!res.ok) throw new Error(`POST /api/chat/visitor answered ${res.status}`);
    const body = (await res.json()) as { token?: unknown; visitorId?: unknown };
    if (typeof body.token !== 'string') throw new Error('POST /api/chat/visitor answered without a token');
    return { token: body.token, visitorId: String(body.visitorId ?? '') };
  }

  /**
   * Uploads an image as multipart `file`. Resolves with the stored image or the server's refusal
   * (413 too large, 415 not an image, 401 unknown visitor); rejects only when the network failed
   * or the server is having trouble (5xx), which are worth trying again.
   */
  async uploadImage(token: string, file: Blob, fileName = 'image'): Promise<UploadResult> {
    const form = new FormData();
    form.append('file', file, fileName);
    const res = await this.fetch('/api/chat/images', {
      method: 'POST',
      headers: { 'X-Visitor-Token': token },
      body: form,
    });
    if (res.ok) return { ok: true, image: (await res.json()) as ChatImage };
    if (res.status >= 500) throw new Error(`POST /api/chat/images answered ${res.status}`);
    let message: string | null = null;
    let code: string | null = null;
    try {
      const body = (await res.json()) as { code?: unknown; message?: unknown };
      if (typeof body.code === 'string') code = body.code;
      if (typeof body.message === 'string') message = body.message;
      else if (Array.isArray(body.message)) message = body.message.join('; ');
    } catch {
      // No JSON body: the page says it in its own words.
    }
    const retryAfter = Number(res.headers?.get('Retry-After'));
    return {
      ok: false,
      status: res.status,
      code,
      message,
      ...(res.status === 429 && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }
}
