import { Location } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { ForumAuthor, ForumFeedbackStatus, ForumPost, ForumThread } from '@hearth/contract';
import { Observable, Subscription, tap } from 'rxjs';
import { apiErrorMessage, apiErrorStatus } from '../core/api-error';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';
import { FORM_DIALOG } from '../shared/dialog-options';
import { ForumApi } from './forum-api';
import { ForumComposer, ForumDraft } from './forum-composer';
import { ForumHideDialog, HideDialogData } from './forum-hide-dialog';
import { NO_POST_ACTIONS, ForumPostView, PostActions } from './forum-post';
import { ForumLive, ForumSocket } from './forum-socket';
import { FEEDBACK_STATUS_KEYS, ForumStatusDialog, StatusDialogData } from './forum-status-dialog';
import { ForumStatusHistory } from './forum-status-history';
import { ForumViewerStore } from './forum-viewer';
import { comparePostIds, lastPostId, mergePosts, previousPostId, takeLivePosts, withHeader, withoutPost } from './thread-state';

type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'error'; readonly message: MessageKey };

/** What the bottom of the page offers the reader. */
type ReplyBox = 'waiting' | 'signIn' | 'locked' | 'open' | 'staffLocked';

/** A catch-up answer this long may have left posts out: "load more" fetches the rest. */
const MISSED_LIMIT = 200;
/** How far a deep link may page on to find its post. */
const MAX_PAGES_TO_TARGET = 10;

function authorName(author: ForumAuthor): string {
  return author.kind === 'member' ? author.displayName : author.name;
}

function sameAuthor(a: ForumAuthor, b: ForumAuthor): boolean {
  return a.kind === 'member' ? b.kind === 'member' && a.username === b.username : b.kind === 'staff' && a.name === b.name;
}

/**
 * `/forum/threads/:id`: the opening post, the accepted answer at the top when solved, the replies
 * oldest first, and a reply box. New posts arrive live; staff moderate in place.
 */
@Component({
  selector: 'app-forum-thread-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, EmptyState, ForumComposer, ForumPostView, ForumStatusHistory, TranslatePipe],
  templateUrl: './thread-page.html',
  styleUrl: './thread-page.scss',
  host: { '(window:scroll)': 'onScroll()' },
})
export class ThreadPage {
  private readonly api = inject(ForumApi);
  private readonly socket = inject(ForumSocket);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly title = inject(Title);
  private readonly location = inject(Location);
  private readonly document = inject(DOCUMENT);
  protected readonly i18n = inject(I18n);
  protected readonly viewer = inject(ForumViewerStore);

  /** From the route (`:id`). */
  readonly id = input.required<string>();

  protected readonly thread = signal<ForumThread | null>(null);
  protected readonly load = signal<Load>({ kind: 'loading' });
  protected readonly loadingMore = signal(false);
  protected readonly moreFailed = signal(false);
  /** A post (or 'thread') with a staff or accept action under way. */
  protected readonly busy = signal<string | null>(null);
  /** Replies that arrived live below where the reader is. */
  protected readonly unseen = signal<readonly string[]>([]);

  private readonly fragment = toSignal(inject(ActivatedRoute).fragment, { initialValue: null });
  protected readonly targetId = computed(() => /^post-(\d+)$/.exec(this.fragment() ?? '')?.[1] ?? null);
  private revealed: string | null = null;
  private pagesToTarget = 0;

  private readonly end = viewChild<ElementRef<HTMLElement>>('end');

  protected readonly opening = computed(() => this.thread()?.posts.find((p) => p.isOpening) ?? null);
  protected readonly replies = computed(() => this.thread()?.posts.filter((p) => !p.isOpening) ?? []);
  protected readonly isSuggestion = computed(() => this.thread()?.board.kind === 'suggestion');
  protected readonly isStarter = computed(() => {
    const t = this.thread();
    return !!t && t.author.kind === 'member' && this.viewer.isMe(t.author);
  });
  protected readonly canAccept = computed(() => this.isStarter() || this.viewer.canModerate());
  protected readonly replyBox = computed<ReplyBox>(() => {
    if (!this.viewer.loaded()) return 'waiting';
    if (!this.viewer.canPost()) return 'signIn';
    if (!this.thread()?.locked) return 'open';
    return this.viewer.staff() ? 'staffLocked' : 'locked';
  });
  protected readonly returnUrl = computed(() => `/forum/threads/${this.id()}`);
  protected readonly statusKeys = FEEDBACK_STATUS_KEYS;
  protected readonly submitReply = (draft: ForumDraft): Observable<ForumPost> =>
    this.api.reply(this.id(), draft).pipe(
      tap((post) => {
        this.thread.update((t) => (t && t.id === post.threadId ? mergePosts(t, [post]) : t));
        this.scrollToPost(post.id, 'center');
      }),
    );

  private request?: Subscription;
  private live?: Subscription;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.open(id));
    });
    // A deep link (#post-<id>) scrolls to its post once it is loaded, paging on to find it.
    effect(() => {
      const target = this.targetId();
      const thread = this.thread();
      if (target && thread) untracked(() => this.reveal(thread, target));
    });
    inject(DestroyRef).onDestroy(() => {
      this.request?.unsubscribe();
      this.live?.unsubscribe();
    });
  }

  protected retry(): void {
    this.open(this.id());
  }

  protected statusKey(status: ForumFeedbackStatus): MessageKey {
    return FEEDBACK_STATUS_KEYS[status];
  }

  protected actionsFor(post: ForumPost): PostActions {
    const thread = this.thread();
    if (!thread) return NO_POST_ACTIONS;
    const acceptable = this.canAccept() && !post.isOpening && !post.hidden;
    return {
      accept: acceptable && !post.isSolution,
      unaccept: this.canAccept() && post.isSolution,
      moderate: this.viewer.canModerate(),
    };
  }

  protected byStarter(post: ForumPost): boolean {
    const thread = this.thread();
    return !!thread && sameAuthor(thread.author, post.author);
  }

  protected loadMore(): void {
    const thread = this.thread();
    if (!thread?.nextCursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreFailed.set(false);
    this.api.posts(thread.id, thread.nextCursor).subscribe({
      next: ({ posts, nextCursor }) => {
        this.loadingMore.set(false);
        this.thread.update((t) => (t && t.id === thread.id ? { ...mergePosts(t, posts), nextCursor } : t));
      },
      error: () => {
        this.loadingMore.set(false);
        this.moreFailed.set(true);
      },
    });
  }

  /** The solution card's link: to the answer where it stands among the replies. */
  protected jumpTo(postId: string, event?: Event): void {
    event?.preventDefault();
    // The address names the post (to copy or share) without a navigation scrolling to the top.
    this.location.replaceState(`${this.location.path(false)}#post-${postId}`);
    this.revealed = postId;
    this.scrollToPost(postId, 'start');
  }

  protected showUnseen(): void {
    const first = this.unseen()[0];
    this.unseen.set([]);
    if (first) this.scrollToPost(first, 'start');
  }

  protected onScroll(): void {
    if (this.unseen().length && this.endInView()) this.unseen.set([]);
  }

  protected accept(post: ForumPost): void {
    this.change(post.id, this.api.setSolution(post.threadId, post.id), 'forum.thread.accepted');
  }

  protected unaccept(post: ForumPost): void {
    this.change(post.id, this.api.setSolution(post.threadId, null), 'forum.thread.unaccepted');
  }

  protected setLocked(locked: boolean): void {
    const thread = this.thread();
    if (thread) this.change('thread', this.api.setLocked(thread.id, locked), locked ? 'forum.thread.lockedDone' : 'forum.thread.unlockedDone');
  }

  protected setStatus(): void {
    const thread = this.thread();
    if (!thread) return;
    this.dialog
      .open<ForumStatusDialog, StatusDialogData, ForumThread>(ForumStatusDialog, {
        ...FORM_DIALOG,
        data: { current: thread.feedbackStatus, save: (status, note) => this.api.setStatus(thread.id, status, note) },
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.applyHeader(saved);
      });
  }

  protected hide(post: ForumPost): void {
    this.dialog
      .open<ForumHideDialog, HideDialogData, ForumPost>(ForumHideDialog, {
        ...FORM_DIALOG,
        data: { authorName: authorName(post.author), hide: (reason) => this.api.hidePost(post.id, reason) },
      })
      .afterClosed()
      .subscribe((hidden) => {
        if (hidden) this.thread.update((t) => (t ? mergePosts(t, [hidden]) : t));
      });
  }

  protected unhide(post: ForumPost): void {
    this.busy.set(post.id);
    this.api.unhidePost(post.id).subscribe({
      next: (shown) => {
        this.busy.set(null);
        this.thread.update((t) => (t ? mergePosts(t, [shown]) : t));
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  private open(id: string): void {
    this.request?.unsubscribe();
    this.live?.unsubscribe();
    this.thread.set(null);
    this.unseen.set([]);
    this.revealed = null;
    this.pagesToTarget = 0;
    this.load.set({ kind: 'loading' });
    this.request = this.api.thread(id).subscribe({
      next: (thread) => {
        this.thread.set(thread);
        this.title.setTitle(`${thread.title} · ${this.i18n.t('nav.forum')}`);
        this.live = this.socket.watch(id, () => this.lastId()).subscribe((live) => this.onLive(live));
      },
      error: (error: unknown) =>
        this.load.set(apiErrorStatus(error) === 404 ? { kind: 'notFound' } : { kind: 'error', message: apiErrorMessage(error) }),
    });
  }

  private lastId(): string | undefined {
    const thread = this.thread();
    return thread ? lastPostId(thread) : undefined;
  }

  private onLive(live: ForumLive): void {
    const thread = this.thread();
    if (!thread) return;
    switch (live.type) {
      case 'post':
      case 'missed': {
        const posts = live.type === 'post' ? [live.post] : live.posts;
        const fresh = posts.filter((p) => !thread.posts.some((q) => q.id === p.id));
        let next = takeLivePosts(thread, posts);
        // A full catch-up may not be all: let "load more" fetch what follows.
        if (live.type === 'missed' && next !== thread && posts.length >= MISSED_LIMIT) next = { ...next, nextCursor: lastPostId(next) ?? null };
        this.thread.set(next);
        if (next !== thread) this.noteUnseen(fresh);
        break;
      }
      case 'thread':
        this.applyHeader(live.thread);
        break;
      case 'hidden':
        this.postHidden(thread, live.postId);
        break;
    }
  }

  private applyHeader(change: Parameters<typeof withHeader>[1]): void {
    const thread = this.thread();
    if (!thread) return;
    const { thread: next, needsSolution } = withHeader(thread, change);
    this.thread.set(next);
    // The accepted answer is further down than this page has read: fetch the header with it.
    if (needsSolution) {
      this.api.thread(thread.id).subscribe({
        next: (fresh) => this.thread.update((t) => (t && t.id === fresh.id ? withHeader(t, fresh).thread : t)),
        error: () => undefined,
      });
    }
  }

  /**
   * Staff hid a post. The public lose it (the whole thread, when it was the opening post); staff
   * and its author keep it, greyed with the reason, so read it again as they see it.
   */
  private postHidden(thread: ForumThread, postId: string): void {
    const post = thread.posts.find((p) => p.id === postId);
    const seesHidden = this.viewer.canModerate() || (!!post && this.viewer.isMe(post.author));
    if (!seesHidden) {
      if (post?.isOpening) {
        this.live?.unsubscribe();
        this.thread.set(null);
        this.load.set({ kind: 'notFound' });
      } else {
        this.thread.set(withoutPost(thread, postId));
      }
      return;
    }
    if (!post || post.hidden) return;
    this.api.posts(thread.id, previousPostId(postId), 1).subscribe({
      next: ({ posts }) => {
        const again = posts.find((p) => p.id === postId);
        if (again) this.thread.update((t) => (t && t.id === thread.id ? mergePosts(t, [again]) : t));
      },
      error: () => undefined,
    });
  }

  /** Live replies from others while the reader is further up: a quiet note, never a jump. */
  private noteUnseen(posts: readonly ForumPost[]): void {
    const staff = this.viewer.staff();
    const others = posts.filter(
      (p) => !p.isOpening && !this.viewer.isMe(p.author) && !(staff && p.author.kind === 'staff' && p.author.name === staff.name),
    );
    if (others.length && !this.endInView()) this.unseen.update((ids) => [...ids, ...others.map((p) => p.id)]);
  }

  private endInView(): boolean {
    const end = this.end()?.nativeElement;
    const height = this.document.defaultView?.innerHeight ?? 0;
    return !end || end.getBoundingClientRect().top <= height;
  }

  private reveal(thread: ForumThread, target: string): void {
    if (this.revealed === target) return;
    if (thread.posts.some((p) => p.id === target)) {
      this.revealed = target;
      this.scrollToPost(target, 'start');
      return;
    }
    const last = lastPostId(thread);
    if (thread.nextCursor && last && comparePostIds(target, last) > 0 && this.pagesToTarget < MAX_PAGES_TO_TARGET) {
      this.pagesToTarget++;
      this.loadMore();
    }
  }

  private scrollToPost(postId: string, block: ScrollLogicalPosition): void {
    // After the post is rendered.
    setTimeout(() => this.document.getElementById(`post-${postId}`)?.scrollIntoView?.({ behavior: 'smooth', block }));
  }

  private change(busy: string, request: Observable<ForumThread>, done: MessageKey): void {
    this.busy.set(busy);
    request.subscribe({
      next: (thread) => {
        this.busy.set(null);
        this.applyHeader(thread);
        this.snackBar.open(this.i18n.t(done), undefined, { duration: 3000 });
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  private failed(error: unknown): void {
    this.busy.set(null);
    this.snackBar.open(
      this.i18n.t(apiErrorMessage(error, { 'forum.invalid_solution': 'forum.thread.invalidSolution' })),
      this.i18n.t('action.dismiss'),
      { duration: 6000 },
    );
  }
}
