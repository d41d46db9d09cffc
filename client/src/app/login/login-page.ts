import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router } from '@angular/router';
import { apiErrorCode, apiErrorStatus } from '../core/api-error';
import { Auth } from '../core/auth';
import { safeReturnUrl } from '../core/auth-guards';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { LanguageSwitch } from '../core/language-switch';
import { homePath } from '../core/staff';

/** What went wrong with a sign-in attempt, in words a person can act on. */
export function loginErrorMessage(error: unknown): MessageKey {
  if (apiErrorCode(error) === 'auth.account_disabled') return 'login.error.disabled';
  switch (apiErrorStatus(error)) {
    case 401:
      return 'login.error.invalid';
    case 429:
      return 'login.error.rateLimited';
    default:
      return 'login.error.network';
  }
}

@Component({
  selector: 'app-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    TranslatePipe,
    LanguageSwitch,
  ],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });

  protected readonly pending = signal(false);
  protected readonly error = signal<MessageKey | null>(null);

  private readonly query = toSignal(this.route.queryParamMap, {
    initialValue: this.route.snapshot.queryParamMap,
  });
  /** Shown once when the interceptor sent us here because the session ended. */
  protected readonly sessionEnded = computed(
    () => this.query().get('session') === 'ended' && this.error() === null,
  );

  constructor() {
    // A new attempt deserves a clean slate: clear the last error as soon as the person edits.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.error.set(null));
  }

  protected submit(): void {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.pending.set(true);
    this.error.set(null);
    this.auth
      .login(email.trim(), password)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (staff) => {
          const returnUrl = safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl'));
          void this.router.navigateByUrl(returnUrl ?? homePath(staff.role));
        },
        error: (error: unknown) => {
          this.pending.set(false);
          this.error.set(loginErrorMessage(error));
        },
      });
  }
}
