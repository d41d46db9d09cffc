import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChatImage,
  ForumBoard,
  ForumBoardKind,
  ForumFeedbackStatus,
  ForumMember,
  ForumMemberProfile,
  ForumPost,
  ForumRegistration,
  ForumThread,
  ForumThreadPage,
  ForumViewer,
  NewForumPost,
  NewForumThread,
} from '@hearth/contract';
import { Observable } from 'rxjs';

export const FORUM_PAGE_SIZE = 20;

/** What an admin sets on a board. */
export interface BoardFields {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly kind: ForumBoardKind;
  readonly position?: number;
}

/** A member's own changes (`PATCH /api/forum/me`); a new password needs the current one. */
export interface MemberChanges {
  readonly displayName?: string;
  readonly phone?: string | null;
  readonly currentPassword?: string;
  readonly newPassword?: string;
}

const enc = encodeURIComponent;

function pageParams(cursorName: 'before' | 'after', cursor: string | undefined, limit: number): HttpParams {
  let params = new HttpParams().set('limit', limit);
  if (cursor) params = params.set(cursorName, cursor);
  return params;
}

/**
 * The forum's REST API (`/api/forum`). Reading needs nobody signed in; writing needs a forum
 * account (cookie `hearth_forum`) or a staff session (staff post as staff).
 */
@Injectable({ providedIn: 'root' })
export class ForumApi {
  private readonly http = inject(HttpClient);

  // ── who is reading, accounts ──
  viewer(): Observable<ForumViewer> {
    return this.http.get<ForumViewer>('/api/forum/me');
  }

  register(registration: ForumRegistration): Observable<ForumMember> {
    return this.http.post<ForumMember>('/api/forum/accounts', registration);
  }

  signIn(username: string, password: string): Observable<ForumMember> {
    return this.http.post<ForumMember>('/api/forum/session', { username, password });
  }

  signOut(): Observable<void> {
    return this.http.delete<void>('/api/forum/session');
  }

  updateMe(changes: MemberChanges): Observable<ForumMember> {
    return this.http.patch<ForumMember>('/api/forum/me', changes);
  }

  member(username: string): Observable<ForumMemberProfile> {
    return this.http.get<ForumMemberProfile>(`/api/forum/members/${enc(username)}`);
  }

  /** Staff (agent, manager, admin): mark or unmark a senior fan. */
  setSeniorFan(username: string, fan: boolean): Observable<ForumMemberProfile> {
    const url = `/api/forum/members/${enc(username)}/senior-fan`;
    return fan ? this.http.put<ForumMemberProfile>(url, {}) : this.http.delete<ForumMemberProfile>(url);
  }

  // ── boards ──
  boards(includeArchived = false): Observable<ForumBoard[]> {
    const params = includeArchived ? new HttpParams().set('all', 'true') : undefined;
    return this.http.get<ForumBoard[]>('/api/forum/boards', { params });
  }

  createBoard(fields: BoardFields): Observable<ForumBoard> {
    return this.http.post<ForumBoard>('/api/forum/boards', fields);
  }

  updateBoard(id: string, changes: Partial<BoardFields> & { archived?: boolean }): Observable<ForumBoard> {
    return this.http.patch<ForumBoard>(`/api/forum/boards/${enc(id)}`, changes);
  }

  // ── threads ──
  /** Newest activity first across every board, or in one board (by slug). */
  threads(boardSlug?: string, before?: string, limit = FORUM_PAGE_SIZE): Observable<ForumThreadPage & { board?: ForumBoard }> {
    const url = boardSlug ? `/api/forum/boards/${enc(boardSlug)}/threads` : '/api/forum/threads';
    return this.http.get<ForumThreadPage & { board?: ForumBoard }>(url, { params: pageParams('before', before, limit) });
  }

  thread(id: string): Observable<ForumThread> {
    return this.http.get<ForumThread>(`/api/forum/threads/${enc(id)}`);
  }

  /** Posts after the page the thread came with, oldest first. */
  posts(threadId: string, after: string, limit = 50): Observable<{ posts: ForumPost[]; nextCursor: string | null }> {
    return this.http.get<{ posts: ForumPost[]; nextCursor: string | null }>(`/api/forum/threads/${enc(threadId)}/posts`, {
      params: pageParams('after', after, limit),
    });
  }

  startThread(thread: NewForumThread): Observable<ForumThread> {
    return this.http.post<ForumThread>('/api/forum/threads', thread);
  }

  reply(threadId: string, post: NewForumPost): Observable<ForumPost> {
    return this.http.post<ForumPost>(`/api/forum/threads/${enc(threadId)}/posts`, post);
  }

  /** The thread's starter or staff: accept a post as the answer (null: unmark). */
  setSolution(threadId: string, postId: string | null): Observable<ForumThread> {
    const url = `/api/forum/threads/${enc(threadId)}/solution`;
    return postId ? this.http.put<ForumThread>(url, { postId }) : this.http.delete<ForumThread>(url);
  }

  /** Staff, suggestion boards: heard → planned → shipped, with an optional note for the participants. */
  setStatus(threadId: string, status: ForumFeedbackStatus, note?: string): Observable<ForumThread> {
    return this.http.put<ForumThread>(`/api/forum/threads/${enc(threadId)}/status`, { status, ...(note ? { note } : {}) });
  }

  /** Staff: lock (no more replies from members) or unlock. */
  setLocked(threadId: string, locked: boolean): Observable<ForumThread> {
    const url = `/api/forum/threads/${enc(threadId)}/lock`;
    return locked ? this.http.put<ForumThread>(url, {}) : this.http.delete<ForumThread>(url);
  }

  // ── posts ──
  /** Staff: hide a post (kept, not deleted) with a reason shown to its author and staff. */
  hidePost(postId: string, reason: string): Observable<ForumPost> {
    return this.http.put<ForumPost>(`/api/forum/posts/${enc(postId)}/hidden`, { reason });
  }

  unhidePost(postId: string): Observable<ForumPost> {
    return this.http.delete<ForumPost>(`/api/forum/posts/${enc(postId)}/hidden`);
  }

  /** The composer's preview: exactly what the post will look like (the server's renderer and sanitiser). */
  preview(body: string): Observable<{ html: string }> {
    return this.http.post<{ html: string }>('/api/forum/preview', { body });
  }

  /** Upload an image (member or staff); put `![](url)` into the Markdown. */
  uploadImage(file: Blob): Observable<ChatImage> {
    const form = new FormData();
    form.append('file', file);
    return this.http.post<ChatImage>('/api/forum/images', form);
  }

  /** The same upload, reporting its progress as it goes (the composer's bar). */
  uploadImageWithProgress(file: Blob): Observable<HttpEvent<ChatImage>> {
    const form = new FormData();
    form.append('file', file);
    return this.http.post<ChatImage>('/api/forum/images', form, { observe: 'events', reportProgress: true });
  }
}
