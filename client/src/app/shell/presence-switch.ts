import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { Presence } from '../core/presence';
import type { PresenceStatus } from '../core/realtime';

const LABELS: Readonly<Record<PresenceStatus, MessageKey>> = { online: 'presence.online', away: 'presence.away' };

/** "我的状态": online or away, chosen from a small menu. No timers shown, ever. */
@Component({
  selector: 'app-presence-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatMenuModule, TranslatePipe],
  templateUrl: './presence-switch.html',
  styleUrl: './presence-switch.scss',
})
export class PresenceSwitch {
  protected readonly presence = inject(Presence);
  /** Only the dot, for the navigation rail. */
  readonly compact = input(false);

  protected readonly statuses: readonly PresenceStatus[] = ['online', 'away'];
  protected readonly labels = LABELS;

  protected choose(status: PresenceStatus): void {
    this.presence.choose(status);
  }
}
