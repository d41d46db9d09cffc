import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

/** Placeholder: the forum pages helper replaces this with the public header (boards, sign in, back to the desk). */
@Component({
  selector: 'app-forum-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet],
  template: '<router-outlet />',
})
export class ForumShell {}
