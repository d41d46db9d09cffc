import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatTabsModule } from '@angular/material/tabs';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import type { MessageKey } from '../core/i18n';
import { TranslatePipe } from '../core/i18n';

interface StoriesTab {
  readonly path: string;
  readonly label: MessageKey;
}

export const STORIES_TABS: readonly StoriesTab[] = [
  { path: '/stories', label: 'stories.tabs.feed' },
  { path: '/stories/themes', label: 'stories.tabs.themes' },
  { path: '/stories/mine', label: 'stories.tabs.mine' },
];

/** Which tab a stories URL belongs to: a single story reads under 故事. */
export function storiesTabFor(url: string): string {
  const path = url.split(/[?#]/)[0].replace(/\/+$/, '');
  return STORIES_TABS.find((tab) => tab.path !== '/stories' && path === tab.path)?.path ?? '/stories';
}

/** The stories area: 故事 / 主题 / 我的 above whichever page is open. */
@Component({
  selector: 'app-stories-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTabsModule, RouterLink, RouterOutlet, TranslatePipe],
  template: `
    <nav mat-tab-nav-bar class="tabs" [tabPanel]="panel" [attr.aria-label]="'stories.tabs.label' | t">
      @for (tab of tabs; track tab.path) {
        <a mat-tab-link [routerLink]="tab.path" [active]="active() === tab.path">{{ tab.label | t }}</a>
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
      background: transparent;
    }

    @media (max-width: 900px) {
      .tabs {
        padding-inline: var(--hearth-space-4);
      }
    }
  `,
})
export class StoriesShell {
  private readonly router = inject(Router);
  protected readonly tabs = STORIES_TABS;
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((e): e is NavigationEnd => e instanceof NavigationEnd),
      map((e) => e.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  protected readonly active = computed(() => storiesTabFor(this.url()));
}
