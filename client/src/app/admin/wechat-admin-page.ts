import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { filter } from 'rxjs';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';
import { FORM_DIALOG } from '../shared/dialog-options';
import { WeChatAccountsApi, WeChatChannel } from './wechat-accounts-api';
import { WeChatFormDialog } from './wechat-form-dialog';

type LoadState = 'loading' | 'ready' | 'error';

/** Admin → 微信公众号: connected accounts, connect one, edit, disconnect or reconnect. Never deleted. */
@Component({
  selector: 'app-wechat-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, EmptyState, TranslatePipe],
  templateUrl: './wechat-admin-page.html',
  styleUrls: ['./admin-list.scss', './wechat-admin-page.scss'],
})
export class WeChatAdminPage {
  private readonly api = inject(WeChatAccountsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly destroyRef = inject(DestroyRef);
  /** Where this desk is served: WeChat calls the callback path on it. */
  protected readonly origin = inject(DOCUMENT).location?.origin ?? '';

  protected readonly channels = signal<readonly WeChatChannel[]>([]);
  protected readonly state = signal<LoadState>('loading');
  protected readonly toggling = signal<string | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.state.set('loading');
    this.api
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (channels) => {
          this.channels.set(channels);
          this.state.set('ready');
        },
        error: () => this.state.set('error'),
      });
  }

  protected openCreate(): void {
    this.dialog
      .open<WeChatFormDialog, null, WeChatChannel>(WeChatFormDialog, { ...FORM_DIALOG, data: null })
      .afterClosed()
      .pipe(filter((channel): channel is WeChatChannel => !!channel))
      .subscribe((channel) => {
        this.channels.update((list) => [...list, channel]);
        this.notify('adminWeChat.created', channel);
      });
  }

  protected openEdit(channel: WeChatChannel): void {
    this.dialog
      .open<WeChatFormDialog, WeChatChannel, WeChatChannel>(WeChatFormDialog, { ...FORM_DIALOG, data: channel })
      .afterClosed()
      .pipe(filter((saved): saved is WeChatChannel => !!saved))
      .subscribe((saved) => {
        this.replace(saved);
        this.notify('adminWeChat.saved', saved);
      });
  }

  /** Disconnect (no messages in, no replies out) or reconnect. */
  protected toggle(channel: WeChatChannel): void {
    if (this.toggling()) return;
    this.toggling.set(channel.id);
    this.api
      .update(channel.id, { active: !channel.active })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => {
          this.toggling.set(null);
          this.replace(saved);
          this.notify(saved.active ? 'adminWeChat.enabled' : 'adminWeChat.disabled', saved);
        },
        error: () => {
          this.toggling.set(null);
          this.snackBar.open(this.i18n.t('adminWeChat.toggleError'), undefined, { duration: 4000 });
        },
      });
  }

  private replace(saved: WeChatChannel): void {
    this.channels.update((list) => list.map((c) => (c.id === saved.id ? saved : c)));
  }

  private notify(key: MessageKey, channel: WeChatChannel): void {
    this.snackBar.open(this.i18n.t(key, { name: channel.name }), undefined, { duration: 5000 });
  }
}
