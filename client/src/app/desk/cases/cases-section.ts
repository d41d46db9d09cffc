import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { CaseSummary } from '@hearth/contract';
import { I18n, TranslatePipe } from '../../core/i18n';
import { nameList } from '../../shared/names';
import { CaseFlow } from './case-flow';
import { CaseStore } from './case-store';

/** The customer's cases in the profile column: open first; each opens its panel. */
@Component({
  selector: 'app-cases-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <section class="section" aria-labelledby="cases-title">
      <header class="head">
        <h2 id="cases-title" class="section-title">{{ 'cases.section.title' | t }}</h2>
        <button mat-button type="button" class="add" (click)="flow.openCase()">
          <span class="material-symbols-outlined" aria-hidden="true">create_new_folder</span>{{ 'cases.section.open' | t }}
        </button>
      </header>
      @switch (store.state()) {
        @case ('loading') {
          <p class="quiet" role="status">{{ 'cases.section.loading' | t }}</p>
        }
        @case ('error') {
          <div class="error" role="alert">
            <span>{{ 'cases.section.loadError' | t }}</span>
            <button mat-button type="button" (click)="store.reload()">{{ 'action.retry' | t }}</button>
          </div>
        }
        @default {
          @if (store.cases().length) {
            <ul class="list">
              @for (c of store.cases(); track c.id) {
                <li>
                  <button type="button" class="case" [class.resolved]="c.status === 'resolved'" (click)="flow.openPanel(c.id)">
                    <span class="line">
                      <span class="title">{{ c.title }}</span>
                      <span class="badge">{{ (c.status === 'open' ? 'cases.status.open' : 'cases.status.resolved') | t }}</span>
                    </span>
                    @if (c.themes.length) {
                      <span class="themes">
                        @for (theme of c.themes; track theme) {
                          <span class="theme">{{ theme }}</span>
                        }
                      </span>
                    }
                    @if (c.onIt.length && c.status === 'open') {
                      <span class="on-it">
                        <span class="material-symbols-outlined" aria-hidden="true">front_hand</span>
                        {{ 'cases.onIt.names' | t: { names: names(c) } }}
                      </span>
                    }
                  </button>
                </li>
              }
            </ul>
          } @else {
            <p class="quiet">{{ 'cases.section.empty' | t }}</p>
          }
        }
      }
    </section>
  `,
  styleUrl: './profile-section.scss',
})
export class CasesSection {
  private readonly i18n = inject(I18n);
  protected readonly flow = inject(CaseFlow);
  protected readonly store = inject(CaseStore);

  protected names(c: CaseSummary): string {
    return nameList(c.onIt, this.i18n);
  }
}
