import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder: the forum pages helper replaces this. */
@Component({
  selector: 'app-forum-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
export class ForumAccountPage {}
