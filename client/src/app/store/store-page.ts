import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';

/** Store staff log walk-in visits here (placeholder). */
@Component({
  selector: 'app-store-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EmptyState, TranslatePipe],
  template: `
    <app-empty-state
      icon="storefront"
      [level]="1"
      [title]="'store.title' | t"
      [body]="'store.body' | t"
    >
      <span class="soon">{{ 'placeholder.soon' | t }}</span>
    </app-empty-state>
  `,
  styleUrl: '../shared/placeholder-page.scss',
})
export class StorePage {}
