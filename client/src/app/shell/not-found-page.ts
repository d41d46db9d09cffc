import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';

/** Any unknown address inside the frame. */
@Component({
  selector: 'app-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EmptyState, MatButtonModule, RouterLink, TranslatePipe],
  template: `
    <app-empty-state
      icon="explore_off"
      [level]="1"
      [title]="'notFound.title' | t"
      [body]="'notFound.body' | t"
    >
      <a mat-flat-button routerLink="/" class="home">{{ 'notFound.home' | t }}</a>
    </app-empty-state>
  `,
  styleUrl: '../shared/placeholder-page.scss',
})
export class NotFoundPage {}
