import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { MessageKey } from '../core/i18n';
import { TranslatePipe } from '../core/i18n';

interface AdminTab {
  readonly path: string;
  readonly label: MessageKey;
}

/** The admin area: one tab per thing an admin manages, each its own route under /admin. */
@Component({
  selector: 'app-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslatePipe],
  template: `
    <nav mat-tab-nav-bar class="tabs" [tabPanel]="panel" [attr.aria-label]="'adminNav.label' | t">
      @for (tab of tabs; track tab.path) {
        <a
          mat-tab-link
          [routerLink]="tab.path"
          routerLinkActive
          #active="routerLinkActive"
          [routerLinkActiveOptions]="{ exact: true }"
          [active]="active.isActive"
        >
          {{ tab.label | t }}
        </a>
      }
    </nav>
    <mat-tab-nav-panel #panel>
      <router-outlet />
    </mat-tab-nav-panel>
  `,
  styles: `
    .tabs {
      max-width: var(--hearth-page-max);
      margin: 0 auto;
      padding: var(--hearth-space-3) var(--hearth-space-5) 0;
    }

    @media (max-width: 900px) {
      .tabs {
        padding-inline: var(--hearth-space-4);
      }
    }
  `,
})
export class AdminPage {
  protected readonly tabs: readonly AdminTab[] = [
    { path: '/admin', label: 'adminNav.staff' },
    { path: '/admin/stores', label: 'adminNav.stores' },
    { path: '/admin/wechat', label: 'adminNav.wechat' },
    { path: '/admin/forum', label: 'adminNav.forum' },
    { path: '/admin/audit', label: 'privacy.audit.nav' },
  ];
}
