import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { ForumRegistration } from '@hearth/contract';
import { apiErrorCode, apiErrorMessage } from '../core/api-error';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { FormError } from '../shared/form-error';
import { ForumApi } from './forum-api';
import { forumReturnUrl } from './forum-return-url';
import { ForumViewerStore } from './forum-viewer';

/** 3–20 letters, digits or underscores; stored lower-case, so capitals are accepted and folded. */
export const USERNAME_PATTERN = /^[A-Za-z0-9_]{3,20}$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
export const DISPLAY_NAME_MAX = 30;

/** `/forum/register`: a forum account (username, password, optional name and phone). */
@Component({
  selector: 'app-forum-register-page',
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
  templateUrl: './register-page.html',
  styleUrl: './forum-auth-card.scss',
})
export class ForumRegisterPage {
  private readonly api = inject(ForumApi);
  private readonly viewer = inject(ForumViewerStore);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly query = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, Validators.pattern(USERNAME_PATTERN)]],
    displayName: ['', Validators.maxLength(DISPLAY_NAME_MAX)],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN), Validators.maxLength(PASSWORD_MAX)]],
    phone: [''],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<MessageKey | null>(null);
  protected readonly returnUrl = computed(() => forumReturnUrl(this.query().get('returnUrl')));

  constructor() {
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.error.set(null));
  }

  protected submit(): void {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { username, displayName, password, phone } = this.form.getRawValue();
    const registration: ForumRegistration = {
      username: username.trim().toLowerCase(),
      password,
      ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
    };
    this.pending.set(true);
    this.error.set(null);
    this.api
      .register(registration)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (member) => {
          this.viewer.signedIn(member);
          void this.router.navigateByUrl(this.returnUrl());
        },
        error: (error: unknown) => {
          this.pending.set(false);
          this.showError(error);
        },
      });
  }

  /** A problem with one field shows under that field (and takes the focus); others above the button. */
  private showError(error: unknown): void {
    const code = apiErrorCode(error);
    const field = code === 'forum.username_taken' ? 'username' : code === 'forum.invalid_phone' ? 'phone' : null;
    if (field) {
      const control = this.form.controls[field];
      control.setErrors({ server: code });
      control.markAsTouched();
      this.host.nativeElement.querySelector<HTMLInputElement>(`#forum-register-${field}`)?.focus();
      return;
    }
    this.error.set(apiErrorMessage(error, { rate_limited: 'forum.register.rateLimited' }));
  }
}
