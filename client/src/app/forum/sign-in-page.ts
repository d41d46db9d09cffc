import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { apiErrorMessage } from '../core/api-error';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { FormError } from '../shared/form-error';
import { ForumApi } from './forum-api';
import { forumReturnUrl } from './forum-return-url';
import { ForumViewerStore } from './forum-viewer';

/** Why signing in failed, in words a person can act on. */
export function forumSignInError(error: unknown): MessageKey {
  return apiErrorMessage(error, {
    'forum.invalid_credentials': 'forum.signIn.invalid',
    rate_limited: 'forum.signIn.rateLimited',
  });
}

/** `/forum/sign-in`: a member signs in and goes back to what they were reading (`returnUrl`). */
@Component({
  selector: 'app-forum-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    TranslatePipe,
    FormError,
  ],
  templateUrl: './sign-in-page.html',
  styleUrl: './forum-auth-card.scss',
})
export class ForumSignInPage {
  private readonly api = inject(ForumApi);
  private readonly viewer = inject(ForumViewerStore);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly query = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<MessageKey | null>(null);

  protected readonly returnUrl = computed(() => forumReturnUrl(this.query().get('returnUrl')));
  /** Staff sign in at the desk and come back here, to the same page. */
  protected readonly staffLoginQuery = computed(() => ({ returnUrl: this.returnUrl() }));

  constructor() {
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.error.set(null));
  }

  protected submit(): void {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { username, password } = this.form.getRawValue();
    this.pending.set(true);
    this.error.set(null);
    this.api
      .signIn(username.trim().toLowerCase(), password)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (member) => {
          this.viewer.signedIn(member);
          void this.router.navigateByUrl(this.returnUrl());
        },
        error: (error: unknown) => {
          this.pending.set(false);
          this.error.set(forumSignInError(error));
        },
      });
  }
}
