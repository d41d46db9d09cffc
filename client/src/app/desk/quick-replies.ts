import { Injectable, inject, signal } from '@angular/core';
import type { QuickReply } from '@hearth/contract';
import { Observable, tap } from 'rxjs';
import { ChatApi } from './chat-api';

/** The shared list of saved phrases: loaded once, kept in step with what this desk changes. */
@Injectable({ providedIn: 'root' })
export class QuickReplies {
  private readonly api = inject(ChatApi);
  private readonly list = signal<readonly QuickReply[]>([]);
  private readonly state = signal<'idle' | 'loading' | 'ready' | 'error'>('idle');

  readonly items = this.list.asReadonly();
  readonly load = this.state.asReadonly();

  /** Loads the list (again): colleagues may have changed it since. */
  refresh(): void {
    if (this.state() === 'loading') return;
    if (this.state() !== 'ready') this.state.set('loading');
    this.api.quickReplies().subscribe({
      next: (items) => {
        this.list.set(items);
        this.state.set('ready');
      },
      error: () => {
        if (this.state() === 'loading') this.state.set('error');
      },
    });
  }

  add(text: string): Observable<QuickReply> {
    return this.api.addQuickReply(text).pipe(tap((reply) => this.list.update((list) => [...list, reply])));
  }

  edit(id: string, text: string): Observable<QuickReply> {
    return this.api
      .editQuickReply(id, text)
      .pipe(tap((reply) => this.list.update((list) => list.map((r) => (r.id === id ? reply : r)))));
  }

  remove(id: string): Observable<void> {
    return this.api.removeQuickReply(id).pipe(tap(() => this.list.update((list) => list.filter((r) => r.id !== id))));
  }
}
