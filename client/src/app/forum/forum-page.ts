import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';

/** The community forum as staff see it (placeholder). */
@Component({
  selector: 'app-forum-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EmptyState, TranslatePipe],
  template: `
    <app-empty-state
      icon="forum"
      [level]="1"
      [title]="'forum.title' | t"
      [body]="'forum.body' | t"
    >
      <span class="soon">{{ 'placeholder.soon' | t }}</span>
    </app-empty-state>
  `,
  styleUrl: '../shared/placeholder-page.scss',
})
export class ForumPage {}
