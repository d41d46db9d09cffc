import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { FormError } from '../../shared/form-error';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { GESTURE_KINDS, Gesture, GestureAllowance, GestureKind, GestureStatus } from '@hearth/contract';
import { newClientId } from '../../../shared/client-id';
import { apiErrorCode } from '../../core/api-error';
import { I18n, TranslatePipe } from '../../core/i18n';
import { caseErrorText } from './case-errors';
import { CasesApi } from './cases-api';
import { GESTURE_KIND_ICONS, GESTURE_KIND_LABELS, GESTURE_STATUS_LABELS } from '../../shared/gesture-kinds';
import { MAX_COST_CENTS, formatYuan, yuanToCents } from '../../shared/money';

export interface GestureDialogData {
  readonly customerId: string;
  /** The case it belongs to, if any. */
  readonly caseRef?: { readonly id: string; readonly title: string };
}

export const MAX_NOTE_LENGTH = 2000;
const STATUSES: readonly GestureStatus[] = ['planned', 'given'];

/**
 * Records a gesture. Shows what is left of my allowance this month and stops a cost above it
 * before sending (the server decides, and says so with 409). Nobody approves anything.
 */
@Component({
  selector: 'app-gesture-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormError, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'gestures.dialog.title' | t }}</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <mat-dialog-content class="fields">
        @if (data.caseRef; as caseRef) {
          <p class="lead">{{ 'gestures.dialog.forCase' | t: { title: caseRef.title } }}</p>
        } @else {
          <p class="lead">{{ 'gestures.dialog.lead' | t }}</p>
        }
        <p id="gesture-allowance" class="allowance" [class.over]="overAllowance()">
          @switch (allowanceState()) {
            @case ('loading') {
              {{ 'gestures.allowanceLoading' | t }}
            }
            @case ('error') {
              {{ 'gestures.allowanceError' | t }}
            }
            @default {
              @if (allowance(); as a) {
                {{ 'gestures.allowance' | t: { left: yuan(a.leftCents), total: yuan(a.allowanceCents) } }}
              }
            }
          }
          <span class="no-approval">{{ 'gestures.noApproval' | t }}</span>
        </p>
        <fieldset class="kinds">
          <legend>{{ 'gestures.kind' | t }}</legend>
          <div class="kind-grid">
            @for (option of kinds; track option) {
              <label class="kind" [class.checked]="kind() === option">
                <input type="radio" name="gesture-kind" [value]="option" [checked]="kind() === option" (change)="kind.set(option)" />
                <span class="material-symbols-outlined" aria-hidden="true">{{ icons[option] }}</span>
                <span class="kind-label">{{ kindLabels[option] | t }}</span>
              </label>
            }
          </div>
        </fieldset>

        <mat-form-field appearance="outline">
          <mat-label>{{ 'gestures.note' | t }}</mat-label>
          <textarea
            matInput
            required
            rows="3"
            [maxLength]="maxNote"
            [placeholder]="'gestures.notePlaceholder' | t"
            [value]="note()"
            (input)="note.set($any($event.target).value)"
            (blur)="noteTouched.set(true)"
          ></textarea>
        </mat-form-field>
        @if ((noteTouched() || tried()) && !note().trim()) {
          <p class="field-error" role="alert">{{ 'gestures.noteRequired' | t }}</p>
        }

        <mat-form-field appearance="outline">
          <mat-label>{{ 'gestures.cost' | t }}</mat-label>
          <span matTextPrefix>¥&nbsp;</span>
          <input
            matInput
            inputmode="decimal"
            autocomplete="off"
            placeholder="0.00"
            [value]="cost()"
            (input)="cost.set($any($event.target).value)"
            aria-describedby="gesture-allowance"
          />
        </mat-form-field>
        @if (costError(); as error) {
          <p class="field-error" role="alert">{{ error }}</p>
        }

        <fieldset class="statuses">
          <legend>{{ 'gestures.status' | t }}</legend>
          <div class="status-row">
            @for (option of statuses; track option) {
              <label class="status" [class.checked]="status() === option">
                <input type="radio" name="gesture-status" [value]="option" [checked]="status() === option" (change)="status.set(option)" />
                <span>{{ statusLabels[option] | t }}</span>
              </label>
            }
          </div>
        </fieldset>

        <app-form-error [message]="serverError()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="pending()">{{ 'action.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="pending() || overAllowance()" [attr.aria-busy]="pending()">
          {{ 'gestures.submit' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrls: ['./case-dialog.scss', './gesture-dialog.scss'],
})
export class GestureDialog {
  private readonly api = inject(CasesApi);
  private readonly i18n = inject(I18n);
  private readonly dialogRef = inject<MatDialogRef<GestureDialog, Gesture>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly data = inject<GestureDialogData>(MAT_DIALOG_DATA);

  protected readonly kinds = GESTURE_KINDS;
  protected readonly icons = GESTURE_KIND_ICONS;
  protected readonly kindLabels = GESTURE_KIND_LABELS;
  protected readonly statuses = STATUSES;
  protected readonly statusLabels = GESTURE_STATUS_LABELS;
  protected readonly maxNote = MAX_NOTE_LENGTH;

  protected readonly kind = signal<GestureKind>('handwritten_card');
  protected readonly note = signal('');
  protected readonly cost = signal('');
  protected readonly status = signal<GestureStatus>('planned');
  protected readonly noteTouched = signal(false);
  protected readonly tried = signal(false);
  protected readonly pending = signal(false);
  protected readonly serverError = signal<string | null>(null);
  protected readonly allowance = signal<GestureAllowance | null>(null);
  protected readonly allowanceState = signal<'loading' | 'ready' | 'error'>('loading');

  /** The cost in fen: null for none, undefined when what is typed is not an amount. */
  protected readonly costCents = computed(() => yuanToCents(this.cost()));
  protected readonly overAllowance = computed(() => {
    const cents = this.costCents();
    const allowance = this.allowance();
    return typeof cents === 'number' && allowance !== null && cents > allowance.leftCents;
  });
  protected readonly costError = computed(() => {
    const cents = this.costCents();
    if (cents === undefined || (typeof cents === 'number' && cents > MAX_COST_CENTS)) return this.i18n.t('gestures.costInvalid');
    if (this.overAllowance()) return this.i18n.t('gestures.costOver', { left: formatYuan(this.allowance()!.leftCents) });
    return null;
  });
  /** One id per dialog: a double click or a retry records one gesture. */
  private readonly clientId = newClientId();

  constructor() {
    this.loadAllowance();
  }

  protected yuan(cents: number): string {
    return formatYuan(cents);
  }

  protected submit(): void {
    if (this.pending()) return;
    this.tried.set(true);
    const note = this.note().trim();
    const costCents = this.costCents();
    if (!note || this.costError() || costCents === undefined) return;
    this.pending.set(true);
    this.serverError.set(null);
    this.dialogRef.disableClose = true;
    this.api
      .createGesture({
        clientId: this.clientId,
        customerId: this.data.customerId,
        ...(this.data.caseRef ? { caseId: this.data.caseRef.id } : {}),
        kind: this.kind(),
        note,
        costCents,
        status: this.status(),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (gesture) => this.dialogRef.close(gesture),
        error: (error: unknown) => {
          this.pending.set(false);
          this.dialogRef.disableClose = false;
          this.serverError.set(caseErrorText(error, this.i18n));
          // Someone else's gesture may have used the allowance meanwhile: show what is left now.
          if (apiErrorCode(error) === 'gesture.over_allowance') this.loadAllowance();
        },
      });
  }

  private loadAllowance(): void {
    this.api
      .allowance()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (allowance) => {
          this.allowance.set(allowance);
          this.allowanceState.set('ready');
        },
        error: () => this.allowanceState.set(this.allowance() ? 'ready' : 'error'),
      });
  }
}
