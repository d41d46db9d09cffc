import { ChangeDetectionStrategy, Component, DestroyRef, WritableSignal, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ForumMember } from '@hearth/contract';
import { firstValueFrom } from 'rxjs';
import { apiErrorCode, apiErrorMessage } from '../core/api-error';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { formatPhone } from '../desk/phone';
import { EmptyState } from '../shared/empty-state';
import { FormError } from '../shared/form-error';
import { ForumApi } from './forum-api';
import { FORUM_HOME } from './forum-return-url';
import { ForumViewerStore } from './forum-viewer';
import { DISPLAY_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from './register-page';

/** One form's save: on its way, saved (a quiet note), or failed. */
type SaveState = { readonly kind: 'idle' | 'saving' | 'saved' } | { readonly kind: 'error'; readonly message: MessageKey };

/** `/forum/account`: a member's own name, phone and password, and signing out. */
@Component({
  selector: 'app-forum-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslatePipe,
    EmptyState,
    FormError,
  ],
  templateUrl: './account-page.html',
  styleUrl: './account-page.scss',
})
export class ForumAccountPage {
  private readonly api = inject(ForumApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly viewer = inject(ForumViewerStore);

  protected readonly profile = this.fb.group({
    displayName: ['', [Validators.required, Validators.maxLength(DISPLAY_NAME_MAX)]],
    phone: [''],
  });
  protected readonly password = this.fb.group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN), Validators.maxLength(PASSWORD_MAX)]],
  });
  protected readonly profileSave = signal<SaveState>({ kind: 'idle' });
  protected readonly passwordSave = signal<SaveState>({ kind: 'idle' });
  protected readonly signingOut = signal(false);
  protected readonly signOutError = signal<MessageKey | null>(null);

  constructor() {
    // Members only: once we know who is reading, a visitor goes to sign in (and comes back here).
    effect(() => {
      if (!this.viewer.loaded()) return;
      const member = this.viewer.member();
      untracked(() => {
        if (member) this.fill(member);
        else if (!this.viewer.staff()) {
          void this.router.navigate(['/forum/sign-in'], { queryParams: { returnUrl: '/forum/account' }, replaceUrl: true });
        }
      });
    });
    this.profile.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.settle(this.profileSave));
    this.password.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.settle(this.passwordSave));
  }

  protected saveProfile(): void {
    const member = this.viewer.member();
    if (!member || this.profileSave().kind === 'saving') return;
    if (this.profile.invalid) {
      this.profile.markAllAsTouched();
      return;
    }
    const { displayName, phone } = this.profile.getRawValue();
    const name = displayName.trim();
    const number = phone.trim();
    this.save(
      this.profileSave,
      {
        ...(name !== member.displayName ? { displayName: name } : {}),
        // An emptied field removes the number.
        ...(number.replace(/[\s-]/g, '') !== (member.phone ?? '') ? { phone: number || null } : {}),
      },
      (error) => {
        if (apiErrorCode(error) !== 'forum.invalid_phone') return false;
        this.profile.controls.phone.setErrors({ server: true });
        this.profile.controls.phone.markAsTouched();
        return true;
      },
    );
  }

  protected savePassword(): void {
    if (this.passwordSave().kind === 'saving') return;
    if (this.password.invalid) {
      this.password.markAllAsTouched();
      return;
    }
    this.save(
      this.passwordSave,
      this.password.getRawValue(),
      (error) => {
        if (apiErrorCode(error) !== 'forum.wrong_password') return false;
        this.password.controls.currentPassword.setErrors({ server: true });
        this.password.controls.currentPassword.markAsTouched();
        return true;
      },
      () => this.password.reset(),
    );
  }

  protected async signOut(): Promise<void> {
    if (this.signingOut()) return;
    this.signingOut.set(true);
    this.signOutError.set(null);
    try {
      await firstValueFrom(this.api.signOut());
      this.viewer.signedOut();
      await this.router.navigateByUrl(FORUM_HOME);
    } catch (error) {
      this.signOutError.set(apiErrorMessage(error));
      this.signingOut.set(false);
    }
  }

  private save(
    state: WritableSignal<SaveState>,
    changes: Parameters<ForumApi['updateMe']>[0],
    fieldError: (error: unknown) => boolean,
    after?: () => void,
  ): void {
    if (!Object.keys(changes).length) {
      state.set({ kind: 'saved' });
      return;
    }
    state.set({ kind: 'saving' });
    this.api
      .updateMe(changes)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (member) => {
          this.viewer.signedIn(member);
          after?.();
          state.set({ kind: 'saved' });
        },
        error: (error: unknown) => {
          state.set(fieldError(error) ? { kind: 'idle' } : { kind: 'error', message: apiErrorMessage(error) });
        },
      });
  }

  /** Typing again clears "saved" and an old error (but not a save on its way). */
  private settle(state: WritableSignal<SaveState>): void {
    if (state().kind !== 'saving') state.set({ kind: 'idle' });
  }

  private fill(member: ForumMember): void {
    this.profile.setValue(
      { displayName: member.displayName, phone: member.phone ? formatPhone(member.phone) : '' },
      { emitEvent: false },
    );
  }
}
