import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import { Auth } from '../core/auth';
import { TranslatePipe } from '../core/i18n';
import { LanguageSwitch } from '../core/language-switch';
import { ROLE_LABELS } from '../core/staff';
import { ThanksInbox } from '../stories/thanks-inbox';
import { navItemsFor } from './nav-items';
import { PresenceSwitch } from './presence-switch';

/** The frame's side navigation: brand, links for the staff member's role, and who is signed in. */
@Component({
  selector: 'app-frame-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, MatButtonModule, TranslatePipe, LanguageSwitch, PresenceSwitch],
  templateUrl: './frame-nav.html',
  styleUrl: './frame-nav.scss',
  host: { '[class.rail]': 'rail()' },
})
export class FrameNav {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);

  /** Icons over short labels, for tablets. */
  readonly rail = input(false);
  /** Emitted after a link is followed, so an overlay drawer can close. */
  readonly navigated = output<void>();

  /** Unseen thank-you notes put a dot on 服务故事. */
  private readonly thanks = inject(ThanksInbox);
  protected readonly thanksUnseen = computed(() => this.thanks.unseen() > 0);
  protected readonly staff = this.auth.staff;
  protected readonly items = computed(() => {
    const staff = this.staff();
    return staff ? navItemsFor(staff.role) : [];
  });
  protected readonly roleLabel = computed(() => {
    const staff = this.staff();
    return staff ? ROLE_LABELS[staff.role] : null;
  });
  protected readonly initial = computed(() => this.staff()?.displayName.trim().charAt(0).toUpperCase() ?? '');

  protected signOut(): void {
    this.auth.logout().subscribe(() => void this.router.navigate(['/login']));
  }
}
