import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { filter } from 'rxjs';
import { I18n, TranslatePipe } from '../core/i18n';
import { ConfirmDialog, ConfirmDialogData } from '../shared/confirm-dialog';
import { OUTCOME_LABELS } from '../desk/store-visit';
import { QueuedVisit, VisitOutbox } from './visit-outbox';

/**
 * Visits saved on this tablet that the server does not have yet: they go by themselves once it
 * can be reached; one the server refused waits for a person to fix or drop it.
 */
@Component({
  selector: 'app-queued-visits',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    @if (outbox.queue().length) {
      <section class="queue" aria-labelledby="queue-title">
        <h2 id="queue-title" class="title">
          <span class="material-symbols-outlined" aria-hidden="true">cloud_upload</span>{{ 'store.queue.title' | t }}
        </h2>
        <ul class="items">
          @for (entry of outbox.queue(); track entry.draft.clientId) {
            <li class="item" [class.refused]="entry.status === 'refused'">
              <div class="what">
                <span class="name">{{ entry.draft.customer.displayName }}</span>
                <span class="outcome">{{ outcomeLabels[entry.draft.outcome] | t }}</span>
              </div>
              @switch (entry.status) {
                @case ('waiting') {
                  <p class="status" role="status">{{ 'store.queue.waiting' | t }}</p>
                  <button mat-button type="button" (click)="outbox.flush()">{{ 'store.queue.sendNow' | t }}</button>
                }
                @case ('sending') {
                  <p class="status" role="status">{{ 'store.queue.sending' | t }}</p>
                }
                @case ('refused') {
                  <p class="status" role="alert">{{ 'store.queue.refused' | t: { reason: entry.error ?? '' } }}</p>
                  <div class="buttons">
                    <button mat-stroked-button type="button" [disabled]="!outbox.blank()" (click)="edit(entry)">
                      {{ 'store.queue.edit' | t }}
                    </button>
                    <button mat-button type="button" (click)="discard(entry)">{{ 'store.queue.discard' | t }}</button>
                  </div>
                  @if (!outbox.blank()) {
                    <p class="hint">{{ 'store.queue.editBlocked' | t }}</p>
                  }
                }
              }
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .queue {
      padding: var(--hearth-space-4);
      border-radius: var(--hearth-radius);
      background: var(--mat-sys-surface-container);
    }
    .title {
      display: flex;
      align-items: center;
      gap: var(--hearth-space-2);
      margin-bottom: var(--hearth-space-2);
      font: var(--mat-sys-title-small);
    }
    .items {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--hearth-space-1) var(--hearth-space-3);
      padding: var(--hearth-space-2) 0;

      & + & {
        border-top: 1px solid var(--mat-sys-outline-variant);
      }

      button {
        min-height: 48px;
      }
    }
    .what {
      display: flex;
      gap: var(--hearth-space-2);
      align-items: baseline;
    }
    .name {
      font: var(--mat-sys-title-small);
    }
    .outcome,
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .status {
      flex: 1;
      min-width: 12em;
      font: var(--mat-sys-body-medium);
    }
    .refused .status {
      color: var(--mat-sys-error);
    }
    .buttons {
      display: flex;
      gap: var(--hearth-space-2);
    }
    .hint {
      flex-basis: 100%;
    }
  `,
})
export class QueuedVisits {
  protected readonly outbox = inject(VisitOutbox);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);
  protected readonly outcomeLabels = OUTCOME_LABELS;

  protected edit(entry: QueuedVisit): void {
    this.outbox.reopen(entry.draft.clientId);
  }

  protected discard(entry: QueuedVisit): void {
    const data: ConfirmDialogData = {
      title: this.i18n.t('store.queue.discardTitle', { name: entry.draft.customer.displayName }),
      body: this.i18n.t('store.queue.discardBody'),
      confirm: this.i18n.t('store.queue.discard'),
      cancel: this.i18n.t('action.cancel'),
    };
    this.dialog
      .open(ConfirmDialog, { data, panelClass: 'hearth-dialog' })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => this.outbox.discard(entry.draft.clientId));
  }
}
