import { CdkTextareaAutosize } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { ChatImage, VisitOutcome, VisitReason } from '@hearth/contract';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { filter } from 'rxjs';
import { I18n, TranslatePipe } from '../core/i18n';
import { ConfirmDialog, ConfirmDialogData } from '../shared/confirm-dialog';
import { maskPhone } from './phone-text';
import { OUTCOME_LABELS, REASON_LABELS, VISIT_OUTCOMES, VISIT_REASONS } from '../desk/store-visit';
import { draftProblems } from './visit-draft';
import { VisitOutbox } from './visit-outbox';
import { VisitPhotos } from './visit-photos';

/** The server's limits, kept here so a long text never comes back refused. */
export const REASON_TEXT_MAX = 1000;
export const ACTIONS_MAX = 2000;
export const FOLLOW_UP_MAX = 1000;

/**
 * One short form for the chosen customer: why they came, what was done, how it ended, photos, and
 * a note for the service team when someone should get back to them. Every keystroke is kept on
 * this device (see VisitOutbox), so nothing is lost to a reload or a dropped network.
 */
@Component({
  selector: 'app-visit-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    CdkTextareaAutosize,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    RouterLink,
    TranslatePipe,
    VisitPhotos,
  ],
  templateUrl: './visit-form.html',
  styleUrl: './visit-form.scss',
})
export class VisitForm {
  protected readonly outbox = inject(VisitOutbox);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  protected readonly reasons = VISIT_REASONS;
  protected readonly reasonLabels = REASON_LABELS;
  protected readonly outcomes = VISIT_OUTCOMES;
  protected readonly outcomeLabels = OUTCOME_LABELS;
  protected readonly limits = { reasonText: REASON_TEXT_MAX, actions: ACTIONS_MAX, followUp: FOLLOW_UP_MAX };

  protected readonly draft = this.outbox.draft;
  protected readonly customer = computed(() => this.draft().customer);
  /** Problems show only once the person tried to save. */
  private readonly tried = signal(false);
  protected readonly problems = computed(() => (this.tried() ? new Set(draftProblems(this.draft())) : new Set<string>()));
  protected readonly photosBusy = signal(false);

  protected phone(e164: string | null): string | null {
    return e164 ? maskPhone(e164) : null;
  }

  protected hasReason(reason: VisitReason): boolean {
    return this.draft().reasons.includes(reason);
  }

  protected toggleReason(reason: VisitReason, on: boolean): void {
    const others = this.draft().reasons.filter((r) => r !== reason);
    // Kept in chip order, whatever order they were tapped in.
    this.outbox.update({ reasons: VISIT_REASONS.filter((r) => (r === reason ? on : others.includes(r))) });
  }

  protected setOutcome(outcome: VisitOutcome): void {
    this.outbox.update({ outcome });
  }

  protected setText(field: 'reasonText' | 'actions' | 'followUpNote', value: string): void {
    this.outbox.update({ [field]: value });
  }

  protected addImage(image: ChatImage): void {
    this.outbox.update({ images: [...this.draft().images, image] });
  }

  protected removeImage(id: string): void {
    this.outbox.update({ images: this.draft().images.filter((image) => image.id !== id) });
  }

  /** Someone else after all: the fields stay for whoever is chosen next. */
  protected changeCustomer(): void {
    this.outbox.update({ customer: null });
  }

  protected submit(): void {
    this.tried.set(true);
    if (this.photosBusy() || draftProblems(this.draft()).length > 0) return;
    void this.outbox.submit().then(() => {
      if (!this.draft().customer) this.tried.set(false);
    });
  }

  protected discard(): void {
    const data: ConfirmDialogData = {
      title: this.i18n.t('store.visit.discardTitle'),
      body: this.i18n.t('store.visit.discardBody'),
      confirm: this.i18n.t('store.visit.discard'),
      cancel: this.i18n.t('action.cancel'),
    };
    this.dialog
      .open(ConfirmDialog, { data, panelClass: 'hearth-dialog' })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => {
        this.tried.set(false);
        this.outbox.discardDraft();
      });
  }
}
