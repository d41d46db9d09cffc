import { Injectable, computed, inject, signal } from '@angular/core';
import type { ForumMember, ForumViewer } from '@hearth/contract';
import { firstValueFrom } from 'rxjs';
import { ForumApi } from './forum-api';

const ANONYMOUS: ForumViewer = { kind: 'anonymous' };

/**
 * Who is reading the forum: nobody, a forum member, or staff signed in to the desk (who post as
 * staff). Loaded once by the forum shell and refreshed after signing in, registering or out.
 */
@Injectable({ providedIn: 'root' })
export class ForumViewerStore {
  private readonly api = inject(ForumApi);
  private readonly current = signal<ForumViewer>(ANONYMOUS);
  private readonly isLoaded = signal(false);

  readonly viewer = this.current.asReadonly();
  /** False until the first answer (or failure): pages wait before offering sign-in. */
  readonly loaded = this.isLoaded.asReadonly();
  readonly member = computed<ForumMember | null>(() => {
    const v = this.current();
    return v.kind === 'member' ? v.member : null;
  });
  readonly staff = computed(() => {
    const v = this.current();
    return v.kind === 'staff' ? v.staff : null;
  });
  /** May write posts (a forum member, or any staff member). */
  readonly canPost = computed(() => this.current().kind !== 'anonymous');
  /** Staff who may hide posts, lock threads, set feedback status and mark senior fans. */
  readonly canModerate = computed(() => this.staff()?.canModerate ?? false);

  /** Asks the server; never fails (an error reads as anonymous). */
  async refresh(): Promise<ForumViewer> {
    let viewer: ForumViewer = ANONYMOUS;
    try {
      viewer = await firstValueFrom(this.api.viewer());
    } catch {
      // Unreachable server or an odd answer: read-only until the next refresh.
    }
    this.current.set(viewer);
    this.isLoaded.set(true);
    return viewer;
  }

  /** After registering or signing in: the answer is the member, no second request needed. */
  signedIn(member: ForumMember): void {
    this.current.set({ kind: 'member', member });
    this.isLoaded.set(true);
  }

  signedOut(): void {
    this.current.set(ANONYMOUS);
  }

  /** Whether this viewer wrote a thread or post by `author`. */
  isMe(author: { kind: 'member'; username: string } | { kind: 'staff' }): boolean {
    const member = this.member();
    return author.kind === 'member' && member !== null && author.username === member.username;
  }
}
