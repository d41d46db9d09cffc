import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder: the forum pages helper replaces this. */
@Component({
  selector: 'app-forum-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
export class ForumSignInPage {}
