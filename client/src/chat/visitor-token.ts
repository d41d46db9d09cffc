import { Injectable, OnDestroy, inject } from '@angular/core';
import { backoffMs } from './backoff';
import { CHAT_STORAGE } from './chat-storage';
import { VisitorApi } from './visitor-api';

export const TOKEN_STORAGE_KEY = 'hearth.chat.visitor';

/**
 * The visitor's signed token: kept in localStorage and reused on every visit, asked for when
 * missing (trying again until the server answers), dropped when the server no longer accepts it.
 */
@Injectable({ providedIn: 'root' })
export class VisitorToken implements OnDestroy {
  private readonly api = inject(VisitorApi);
  private readonly storage = inject(CHAT_STORAGE);
  private value: string | null = this.storage.get(TOKEN_STORAGE_KEY);
  private request: Promise<string> | null = null;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** The token now ('' while there is none yet). */
  current(): string {
    return this.value ?? '';
  }

  /** The token, once there is one. */
  get(): Promise<string> {
    if (this.value) return Promise.resolve(this.value);
    this.request ??= this.fetch().finally(() => (this.request = null));
    return this.request;
  }

  /** Drops `rejected` if it is still the token; true when it was, i.e. a new visitor begins. */
  forget(rejected: string | null): boolean {
    if (this.value !== rejected) return false;
    this.value = null;
    this.storage.remove(TOKEN_STORAGE_KEY);
    return true;
  }

  ngOnDestroy(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async fetch(): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      try {
        const { token } = await this.api.createVisitor();
        this.value = token;
        this.storage.set(TOKEN_STORAGE_KEY, token);
        return token;
      } catch (err) {
        if (this.stopped) throw err;
        await new Promise((resolve) => (this.timer = setTimeout(resolve, backoffMs(attempt))));
      }
    }
  }
}
