import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { ForumMemberProfile } from '@hearth/contract';
import { Subscription } from 'rxjs';
import { apiErrorMessage, apiErrorStatus } from '../core/api-error';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';
import { ForumApi } from './forum-api';
import { ForumDatePipe } from './forum-time';
import { ForumViewerStore } from './forum-viewer';
import { ThreadListItem } from './thread-list-item';

type ProfileState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'error'; readonly message: MessageKey }
  | { readonly kind: 'ready'; readonly profile: ForumMemberProfile };

/**
 * `/forum/members/:username`: who a member is, the threads they started, and the questions their
 * answers solved — an acknowledgement, so lists only, never counts or scores. Staff who moderate
 * may mark a senior fan and open the member's customer at the desk.
 */
@Component({
  selector: 'app-forum-member-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslatePipe, EmptyState, ForumDatePipe, ThreadListItem],
  templateUrl: './member-page.html',
  styleUrl: './member-page.scss',
})
export class MemberPage {
  private readonly api = inject(ForumApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly viewer = inject(ForumViewerStore);

  /** From the route (`:username`). */
  readonly username = input.required<string>();

  protected readonly state = signal<ProfileState>({ kind: 'loading' });
  protected readonly togglingFan = signal(false);
  private request?: Subscription;

  constructor() {
    effect(() => {
      const username = this.username();
      untracked(() => this.load(username));
    });
    // Staff see the desk link and the fan toggle only in their view of the profile: ask again once
    // the viewer is known to be staff (the page may have loaded before the shell knew).
    effect(() => {
      const staff = this.viewer.staff();
      untracked(() => {
        const s = this.state();
        if (staff && s.kind === 'ready' && s.profile.customerId === undefined) this.load(this.username(), true);
      });
    });
  }

  protected retry(): void {
    this.load(this.username());
  }

  protected toggleFan(profile: ForumMemberProfile): void {
    if (this.togglingFan()) return;
    this.togglingFan.set(true);
    const making = !profile.seniorFan;
    this.api
      .setSeniorFan(profile.username, making)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.togglingFan.set(false);
          this.state.set({ kind: 'ready', profile: updated });
          this.snackBar.open(this.i18n.t(making ? 'forum.member.fanMade' : 'forum.member.fanRemoved'), undefined, {
            duration: 3000,
          });
        },
        error: (error: unknown) => {
          this.togglingFan.set(false);
          this.snackBar.open(this.i18n.t(apiErrorMessage(error)), undefined, { duration: 5000 });
        },
      });
  }

  /** `quietly`: keep showing the profile while it is asked again (the same member). */
  private load(username: string, quietly = false): void {
    this.request?.unsubscribe();
    if (!quietly) this.state.set({ kind: 'loading' });
    this.request = this.api
      .member(username)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (profile) => this.state.set({ kind: 'ready', profile }),
        error: (error: unknown) =>
          this.state.set(
            apiErrorStatus(error) === 404 ? { kind: 'notFound' } : { kind: 'error', message: apiErrorMessage(error) },
          ),
      });
  }
}
