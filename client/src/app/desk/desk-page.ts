import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';

/** The agent's desk: who is waiting for a reply, oldest first (placeholder). */
@Component({
  selector: 'app-desk-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EmptyState, TranslatePipe],
  template: `
    <app-empty-state
      icon="support_agent"
      [level]="1"
      [title]="'desk.title' | t"
      [body]="'desk.body' | t"
    >
      <span class="soon">{{ 'placeholder.soon' | t }}</span>
    </app-empty-state>
  `,
  styleUrl: '../shared/placeholder-page.scss',
})
export class DeskPage {}
