import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe } from '../../core/i18n';
import { CaseFlow } from './case-flow';
import { CaseStore } from './case-store';

/** The case an event belongs to, as a small chip on the event; opens the case. */
@Component({
  selector: 'app-case-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    @if (title(); as title) {
      <button type="button" class="chip" [class.resolved]="resolved()" (click)="flow.openPanel(caseId())">
        <span class="material-symbols-outlined" aria-hidden="true">{{ resolved() ? 'task_alt' : 'folder_open' }}</span>
        <span class="text">{{ 'cases.chip' | t: { title } }}</span>
      </button>
    }
  `,
  styles: `
    :host { display: inline-flex; min-width: 0; }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      max-width: 100%;
      height: 24px;
      padding: 0 8px 0 6px;
      border-radius: 6px;
      border: 1px solid #f0d48a;
      background: #fff6dc;
      color: #5f4600;
      font: var(--mat-sys-label-medium);
      cursor: pointer;
    }
    .chip:hover { background: #ffeebf; }
    .chip.resolved { border-color: #b9dcc1; background: #ebf7ee; color: #1e5f2c; }
    .material-symbols-outlined { font-size: 16px; }
    .text { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .chip { position: relative; }
    :host-context(.store-mode) .chip { height: 40px; padding: 0 12px 0 8px; }
    /* A finger-sized target on the store's tablets without a bigger chip. */
    :host-context(.store-mode) .chip::after { content: ''; position: absolute; inset: -4px 0; }
  `,
})
export class CaseChip {
  protected readonly flow = inject(CaseFlow);
  private readonly store = inject(CaseStore);
  readonly caseId = input.required<string>();

  private readonly summary = computed(() => this.store.cases().find((c) => c.id === this.caseId()));
  protected readonly title = computed(() => this.summary()?.title ?? null);
  protected readonly resolved = computed(() => this.summary()?.status === 'resolved');
}
