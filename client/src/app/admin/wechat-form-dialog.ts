import { DOCUMENT } from '@angular/common';
import { FormError } from '../shared/form-error';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Observable } from 'rxjs';
import { TranslatePipe } from '../core/i18n';
import { DialogSubmission } from './dialog-submission';
import { WeChatAccountsApi, WeChatChannel, WeChatChannelChanges } from './wechat-accounts-api';

const APP_ID = /^wx[0-9a-zA-Z]{16}$/;
const SECRET = /^[0-9a-zA-Z]{1,128}$/;
const TOKEN = /^[0-9a-zA-Z]{3,32}$/;
const AES_KEY = /^[0-9a-zA-Z]{43}$/;

/** A pattern on the trimmed value; empty passes when the field may stay empty (an unchanged secret). */
function matches(pattern: RegExp, required: boolean) {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = control.value.trim();
    if (!value) return required ? { required: true } : null;
    return pattern.test(value) ? null : { pattern: true };
  };
}

/**
 * Connects a WeChat account, or edits the one passed as data. Secrets are never shown: when
 * editing, an empty secret field keeps what is saved. Closes with the saved account.
 */
@Component({
  selector: 'app-wechat-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormError, ReactiveFormsModule, MatDialogModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  templateUrl: './wechat-form-dialog.html',
  styleUrl: './staff-dialog.scss',
})
export class WeChatFormDialog {
  private readonly api = inject(WeChatAccountsApi);
  /** The account being edited; null when connecting one. */
  protected readonly channel = inject<WeChatChannel | null>(MAT_DIALOG_DATA, { optional: true }) ?? null;
  protected readonly callbackUrl = this.channel ? `${inject(DOCUMENT).location?.origin ?? ''}${this.channel.callbackPath}` : null;

  private readonly creating = !this.channel;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.channel?.name ?? '', [matches(/^.{1,60}$/, true)]],
    appId: [{ value: this.channel?.appId ?? '', disabled: !this.creating }, [matches(APP_ID, true)]],
    appSecret: ['', [matches(SECRET, this.creating)]],
    token: ['', [matches(TOKEN, this.creating)]],
    encodingAesKey: ['', [matches(AES_KEY, false)]],
    plainMode: [false],
  });
  protected readonly submission = new DialogSubmission<WeChatChannel>({
    'wechat.app_id_taken': { control: this.form.controls.appId, error: 'taken' },
  });

  protected submit(): void {
    this.submission.submit(this.form, () => this.save());
  }

  /** The request to send, or null when an edit changed nothing. */
  private save(): Observable<WeChatChannel> | null {
    const raw = this.form.getRawValue();
    const name = raw.name.trim();
    const appSecret = raw.appSecret.trim();
    const token = raw.token.trim();
    const encodingAesKey = raw.encodingAesKey.trim();
    const channel = this.channel;
    if (!channel) {
      return this.api.create({ name, appId: raw.appId.trim(), appSecret, token, ...(encodingAesKey ? { encodingAesKey } : {}) });
    }
    const changes: { -readonly [K in keyof WeChatChannelChanges]: WeChatChannelChanges[K] } = {};
    if (name !== channel.name) changes.name = name;
    if (appSecret) changes.appSecret = appSecret;
    if (token) changes.token = token;
    if (encodingAesKey) changes.encodingAesKey = encodingAesKey;
    else if (raw.plainMode && channel.mode === 'safe') changes.encodingAesKey = null;
    return Object.keys(changes).length ? this.api.update(channel.id, changes) : null;
  }
}
