import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import type { TimelineEvent } from '@hearth/contract';
import { TranslatePipe } from '../../core/i18n';
import { CaseFlow } from './case-flow';
import { CaseStore } from './case-store';

/**
 * A timeline event's small menu: open a case from it, add it to one of the customer's open cases,
 * or (when it already belongs to one) open that case. Shown on hover and focus; always on touch.
 */
@Component({
  selector: 'app-event-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatMenuModule, TranslatePipe],
  template: `
    <button
      mat-icon-button
      type="button"
      class="trigger"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="'cases.actions.label' | t"
      [attr.title]="'cases.actions.label' | t"
    >
      <span class="material-symbols-outlined" aria-hidden="true">more_horiz</span>
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      @if (event().caseId; as caseId) {
        <button mat-menu-item type="button" (click)="flow.openPanel(caseId)">
          <span class="material-symbols-outlined" aria-hidden="true">folder_open</span>
          @if (caseTitle(); as title) {
            <span>{{ 'cases.actions.view' | t: { title } }}</span>
          } @else {
            <span>{{ 'cases.event.view' | t }}</span>
          }
        </button>
      } @else {
        <button mat-menu-item type="button" (click)="flow.openCase(event())">
          <span class="material-symbols-outlined" aria-hidden="true">create_new_folder</span>
          <span>{{ 'cases.actions.open' | t }}</span>
        </button>
        <button mat-menu-item type="button" [matMenuTriggerFor]="cases" [disabled]="!store.openCases().length">
          <span class="material-symbols-outlined" aria-hidden="true">folder</span>
          <span>{{ (store.openCases().length ? 'cases.actions.add' : 'cases.actions.noOpenCases') | t }}</span>
        </button>
      }
    </mat-menu>
    <mat-menu #cases="matMenu">
      @for (c of store.openCases(); track c.id) {
        <button mat-menu-item type="button" (click)="flow.addToCase(event(), c.id)">
          <span>{{ c.title }}</span>
        </button>
      }
    </mat-menu>
  `,
  styles: `
    :host { display: inline-flex; }
    .trigger {
      --mat-icon-button-state-layer-size: 32px;
      width: 32px;
      height: 32px;
      padding: 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .trigger .material-symbols-outlined { font-size: 20px; }
    /* Menu items are declared here, so these reach them in the overlay. */
    [mat-menu-item] .material-symbols-outlined { font-size: 20px; margin-inline-end: 12px; vertical-align: middle; color: var(--mat-sys-on-surface-variant); }
    :host-context(.store-mode) .trigger {
      --mat-icon-button-state-layer-size: 48px;
      width: 48px;
      height: 48px;
      margin: -8px -8px -8px 0;
      padding: 12px;
    }
    @media (pointer: coarse) {
      .trigger { --mat-icon-button-state-layer-size: 48px; width: 48px; height: 48px; margin: -8px -8px -8px 0; padding: 12px; }
    }
  `,
})
export class EventActions {
  protected readonly flow = inject(CaseFlow);
  protected readonly store = inject(CaseStore);
  readonly event = input.required<TimelineEvent>();

  /** The title of the case this event belongs to (null while that case is not loaded). */
  protected readonly caseTitle = computed(() => {
    const caseId = this.event().caseId;
    return caseId ? (this.store.titles().get(caseId) ?? null) : null;
  });
}
