import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import { CaseFlow } from './cases/case-flow';
import type { TimelineEvent } from './customer';
import { EventRenderer, detail } from './event-renderer';

/** A case opened, reopened or resolved: its title, the story when resolved, and a way into the case. */
@Component({
  selector: 'app-case-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <p class="label">
      <span class="material-symbols-outlined" aria-hidden="true">{{ icon() }}</span>{{ label() | t }}
    </p>
    <p class="title">{{ title() ?? event().body }}</p>
    @if (story(); as story) {
      <p class="body">{{ story }}</p>
    }
    @if (themes().length) {
      <ul class="themes" [attr.aria-label]="'cases.story.themes' | t">
        @for (theme of themes(); track theme) {
          <li>{{ theme }}</li>
        }
      </ul>
    }
    @if (flow && caseId(); as caseId) {
      <button type="button" class="open" [attr.aria-label]="'cases.actions.view' | t: { title: title() ?? '' }" (click)="flow.openPanel(caseId)">
        {{ 'cases.event.view' | t }}<span class="material-symbols-outlined" aria-hidden="true">chevron_right</span>
      </button>
    }
  `,
  host: { '[class.resolved]': 'kind() === "resolved"' },
  styles: `
    :host { display: block; padding: 8px 12px; border-left: 3px solid #d9a400; background: #fffbef; border-radius: 0 8px 8px 0; }
    :host(.resolved) { border-left-color: #2e7d32; background: #f1f8f2; }
    .label { display: flex; align-items: center; gap: 4px; font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .label .material-symbols-outlined { font-size: 16px; }
    .title { margin-top: 2px; font: var(--mat-sys-title-small); overflow-wrap: anywhere; }
    .body { margin-top: 4px; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
    .themes { display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0 0; padding: 0; list-style: none; }
    .themes li { padding: 0 8px; border-radius: 6px; border: 1px solid var(--mat-sys-outline-variant); font: var(--mat-sys-label-small); line-height: 20px; }
    .open {
      display: inline-flex; align-items: center; gap: 0; margin: 4px -6px 0; padding: 2px 6px;
      border: 0; border-radius: 6px; background: none; color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large); cursor: pointer;
    }
    .open:hover { background: var(--mat-sys-surface-container-high); text-decoration: underline; }
    .open .material-symbols-outlined { font-size: 18px; }
    :host-context(.store-mode) .open { min-height: 48px; }
  `,
})
export class CaseEvent implements EventRenderer {
  protected readonly flow = inject(CaseFlow, { optional: true });
  readonly event = input.required<TimelineEvent>();

  protected readonly kind = computed((): 'opened' | 'reopened' | 'resolved' =>
    this.event().kind === 'case.resolved' ? 'resolved' : this.event().details?.['reopened'] === true ? 'reopened' : 'opened',
  );
  protected readonly label = computed(() => `cases.event.${this.kind()}` as const);
  protected readonly icon = computed(() => ({ opened: 'create_new_folder', reopened: 'undo', resolved: 'task_alt' })[this.kind()]);
  protected readonly title = computed(() => detail(this.event(), 'title'));
  /** The story (resolved), or any words beyond the title. */
  protected readonly story = computed(() => {
    const body = this.event().body.trim();
    return body && body !== this.title() ? body : null;
  });
  protected readonly themes = computed(() => {
    const themes = this.event().details?.['themes'];
    return Array.isArray(themes) ? themes.filter((t): t is string => typeof t === 'string') : [];
  });
  protected readonly caseId = computed(() => this.event().caseId ?? detail(this.event(), 'caseId'));
}
