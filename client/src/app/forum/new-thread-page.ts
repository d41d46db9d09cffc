import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder: the thread helper replaces this. */
@Component({
  selector: 'app-forum-new-thread-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
export class NewThreadPage {}
