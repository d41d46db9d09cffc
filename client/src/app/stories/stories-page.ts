import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';

/** Resolved cases read as stories (placeholder). */
@Component({
  selector: 'app-stories-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EmptyState, TranslatePipe],
  template: `
    <app-empty-state
      icon="auto_stories"
      [level]="1"
      [title]="'stories.title' | t"
      [body]="'stories.body' | t"
    >
      <span class="soon">{{ 'placeholder.soon' | t }}</span>
    </app-empty-state>
  `,
  styleUrl: '../shared/placeholder-page.scss',
})
export class StoriesPage {}
