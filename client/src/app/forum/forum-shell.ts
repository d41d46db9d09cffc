import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, firstValueFrom, map } from 'rxjs';
import { I18n, TranslatePipe } from '../core/i18n';
import { LanguageSwitch } from '../core/language-switch';
import { homePath, isRole } from '../core/staff';
import { ForumApi } from './forum-api';
import { FORUM_HOME, forumReturnUrl, isForumAuthPage } from './forum-return-url';
import { ForumViewerStore } from './forum-viewer';

const NARROW = '(max-width: 599.98px)';

/**
 * The public forum's frame: a calm header (the community's name, the language, who is reading)
 * above the page. Anyone may read; members see their name and menu; staff signed in to the desk
 * see theirs with a staff badge and a way back to the desk.
 */
@Component({
  selector: 'app-forum-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, MatButtonModule, MatMenuModule, TranslatePipe, LanguageSwitch],
  templateUrl: './forum-shell.html',
  styleUrl: './forum-shell.scss',
})
export class ForumShell {
  private readonly api = inject(ForumApi);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  protected readonly viewer = inject(ForumViewerStore);

  protected readonly narrow = toSignal(
    inject(BreakpointObserver).observe(NARROW).pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  /**
   * Where signing in or registering brings the reader back: this page, or — on the sign-in and
   * register pages themselves — the page they came from.
   */
  protected readonly returnUrl = computed(() => {
    const url = this.url();
    if (!isForumAuthPage(url)) return forumReturnUrl(url);
    return forumReturnUrl(this.router.parseUrl(url).queryParamMap.get('returnUrl'));
  });

  protected readonly deskPath = computed(() => {
    const role = this.viewer.staff()?.role;
    return isRole(role) ? homePath(role) : '/desk';
  });

  protected readonly signingOut = signal(false);

  constructor() {
    void this.viewer.refresh();
  }

  protected focusMain(): void {
    this.document.getElementById('forum-main')?.focus();
  }

  protected async signOut(): Promise<void> {
    if (this.signingOut()) return;
    this.signingOut.set(true);
    try {
      await firstValueFrom(this.api.signOut());
      this.viewer.signedOut();
      // The account page is for members only; any other page reads on as before.
      if (this.url().startsWith('/forum/account')) await this.router.navigateByUrl(FORUM_HOME);
    } catch {
      this.snackBar.open(this.i18n.t('forum.shell.signOutFailed'), undefined, { duration: 5000 });
    } finally {
      this.signingOut.set(false);
    }
  }
}
