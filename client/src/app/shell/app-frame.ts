import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSidenavModule } from '@angular/material/sidenav';
import { RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { TranslatePipe } from '../core/i18n';
import { FrameNav } from './frame-nav';

type Layout = 'wide' | 'rail' | 'compact';

const WIDE = '(min-width: 1024px)';
const RAIL = '(min-width: 600px)';

/** The signed-in frame: side navigation (a rail on tablets, a drawer on phones) around the page. */
@Component({
  selector: 'app-frame',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, MatSidenavModule, MatButtonModule, FrameNav, TranslatePipe],
  templateUrl: './app-frame.html',
  styleUrl: './app-frame.scss',
})
export class AppFrame {
  private readonly document = inject(DOCUMENT);

  protected readonly layout = toSignal(
    inject(BreakpointObserver)
      .observe([WIDE, RAIL])
      .pipe(
        map(({ breakpoints }): Layout => (breakpoints[WIDE] ? 'wide' : breakpoints[RAIL] ? 'rail' : 'compact')),
      ),
    { initialValue: 'wide' as Layout },
  );
  protected readonly compact = computed(() => this.layout() === 'compact');

  protected focusMain(): void {
    this.document.getElementById('main')?.focus();
  }
}
