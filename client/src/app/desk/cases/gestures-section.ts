import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '../../core/i18n';
import { CaseFlow } from './case-flow';
import { CaseStore } from './case-store';
import { GestureCard } from './gesture-card';

/** The customer's gestures (with or without a case) in the profile column, newest first. */
@Component({
  selector: 'app-gestures-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, GestureCard, TranslatePipe],
  template: `
    <section class="section" aria-labelledby="gestures-title">
      <header class="head">
        <h2 id="gestures-title" class="section-title">{{ 'gestures.section.title' | t }}</h2>
        <button mat-button type="button" class="add" (click)="flow.recordGesture()">
          <span class="material-symbols-outlined" aria-hidden="true">redeem</span>{{ 'gestures.section.record' | t }}
        </button>
      </header>
      @if (store.state() === 'ready' || store.gestures().length) {
        @if (store.gestures().length) {
          <ul class="list">
            @for (gesture of store.gestures(); track gesture.id) {
              <li><app-gesture-card [gesture]="gesture" /></li>
            }
          </ul>
        } @else {
          <p class="quiet">{{ 'gestures.section.empty' | t }}</p>
        }
      }
    </section>
  `,
  styleUrl: './profile-section.scss',
})
export class GesturesSection {
  protected readonly flow = inject(CaseFlow);
  protected readonly store = inject(CaseStore);
}
