import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { AdminList, openFormDialog } from './admin-list';
import { AdminListLayout } from './admin-list-layout';
import { WeChatAccountsApi, WeChatChannel } from './wechat-accounts-api';
import { WeChatFormDialog } from './wechat-form-dialog';

/** Admin → 微信公众号: connected accounts, connect one, edit, disconnect or reconnect. Never deleted. */
@Component({
  selector: 'app-wechat-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, AdminListLayout, TranslatePipe],
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

  protected readonly channels = new AdminList(() => this.api.list());
  protected readonly toggling = signal<string | null>(null);

  protected openCreate(): void {
    openFormDialog<WeChatChannel>(this.dialog, WeChatFormDialog).subscribe((channel) => {
      this.channels.add(channel);
      this.notify('adminWeChat.created', channel);
    });
  }

  protected openEdit(channel: WeChatChannel): void {
    openFormDialog<WeChatChannel>(this.dialog, WeChatFormDialog, channel).subscribe((saved) => {
      this.channels.replace(saved);
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
          this.channels.replace(saved);
          this.notify(saved.active ? 'adminWeChat.enabled' : 'adminWeChat.disabled', saved);
        },
        error: () => {
          this.toggling.set(null);
          this.snackBar.open(this.i18n.t('adminWeChat.toggleError'), undefined, { duration: 4000 });
        },
      });
  }

  private notify(key: MessageKey, channel: WeChatChannel): void {
    this.snackBar.open(this.i18n.t(key, { name: channel.name }), undefined, { duration: 5000 });
  }
}
