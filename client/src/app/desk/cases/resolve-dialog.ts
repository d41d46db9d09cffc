import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal, viewChild } from '@angular/core';
import { FormError } from '../../shared/form-error';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CaseDetail, CaseResolution } from '@hearth/contract';
import { apiErrorCode } from '../../core/api-error';
import { I18n, MessageKey, TranslatePipe } from '../../core/i18n';
import { caseErrorText } from './case-errors';
import { CaseStore } from './case-store';
import { CasesApi } from './cases-api';
import { ThemesInput } from './themes-input';

export const MAX_STORY_FIELD = 4000;
export const MAX_CUSTOMER_WORDS = 2000;

type StoryField = 'needed' | 'did' | 'felt' | 'customerWords';

interface FieldSpec {
  readonly name: StoryField;
  readonly label: MessageKey;
  readonly hint: MessageKey;
  readonly required: boolean;
  readonly max: number;
  readonly rows: number;
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'needed', label: 'cases.story.needed', hint: 'cases.story.neededHint', required: true, max: MAX_STORY_FIELD, rows: 2 },
  { name: 'did', label: 'cases.story.did', hint: 'cases.story.didHint', required: true, max: MAX_STORY_FIELD, rows: 3 },
  { name: 'felt', label: 'cases.story.felt', hint: 'cases.story.feltHint', required: true, max: MAX_STORY_FIELD, rows: 2 },
  {
    name: 'customerWords',
    label: 'cases.story.customerWords',
    hint: 'cases.story.customerWordsHint',
    required: false,
    max: MAX_CUSTOMER_WORDS,
    rows: 2,
  },
];

type Draft = Record<StoryField, string>;

function draftOf(resolution: CaseResolution | null): Draft {
  return {
    needed: resolution?.needed ?? '',
    did: resolution?.did ?? '',
    felt: resolution?.felt ?? '',
    customerWords: resolution?.customerWords ?? '',
  };
}

/**
 * Writes the story of a case (resolving it) or edits it (a new version, the old one kept). Sends
 * the version it started from: when a colleague saved meanwhile (409), the draft stays, their
 * version can be loaded and read, and the writer chooses what to keep.
 */
@Component({
  selector: 'app-resolve-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormError, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ThemesInput, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ (editing ? 'cases.panel.editStory' : 'cases.panel.writeStory') | t }}</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <mat-dialog-content class="fields">
        <p class="lead">{{ 'cases.story.lead' | t: { title: detail.title } }}</p>
        @for (field of fields; track field.name) {
          <mat-form-field appearance="outline">
            <mat-label>{{ field.label | t }}</mat-label>
            <textarea
              matInput
              [required]="field.required"
              [rows]="field.rows"
              [maxLength]="field.max"
              [value]="draft()[field.name]"
              (input)="set(field.name, $any($event.target).value)"
            ></textarea>
            <mat-hint>{{ field.hint | t }}</mat-hint>
          </mat-form-field>
          @if (tried() && field.required && !draft()[field.name].trim()) {
            <p class="field-error" role="alert">{{ 'cases.story.required' | t }}</p>
          }
        }
        <app-themes-input [label]="'cases.story.themes' | t" [suggestions]="suggestions()" [(themes)]="themes" />

        <app-form-error [message]="serverError()" />
        @if (conflict()) {
          <div class="conflict">
            <p>{{ 'cases.story.conflictKept' | t }}</p>
            @if (latest(); as latest) {
              <section class="latest" aria-labelledby="latest-title">
                <h3 id="latest-title">{{ 'cases.story.latest' | t: { version: latest.version, name: latest.writtenBy.name } }}</h3>
                <dl>
                  <dt>{{ 'cases.story.needed' | t }}</dt>
                  <dd>{{ latest.needed }}</dd>
                  <dt>{{ 'cases.story.did' | t }}</dt>
                  <dd>{{ latest.did }}</dd>
                  <dt>{{ 'cases.story.felt' | t }}</dt>
                  <dd>{{ latest.felt }}</dd>
                  @if (latest.customerWords) {
                    <dt>{{ 'cases.story.customerWordsShort' | t }}</dt>
                    <dd>{{ latest.customerWords }}</dd>
                  }
                </dl>
                <p class="hint">{{ 'cases.story.reapplyHint' | t }}</p>
                <button mat-stroked-button type="button" (click)="useLatest()">{{ 'cases.story.useLatest' | t }}</button>
              </section>
            } @else {
              <button mat-stroked-button type="button" [disabled]="loadingLatest()" (click)="loadLatest()">
                <span class="material-symbols-outlined" aria-hidden="true">refresh</span>{{ 'cases.story.conflictReload' | t }}
              </button>
            }
          </div>
        }
        @if (!editing) {
          <p class="hint">{{ 'cases.story.resolveNote' | t }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="pending()">{{ 'action.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="pending()" [attr.aria-busy]="pending()">
          {{ (editing ? 'cases.story.submitEdit' : 'cases.story.submitResolve') | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrls: ['./case-dialog.scss', './resolve-dialog.scss'],
})
export class ResolveDialog {
  private readonly api = inject(CasesApi);
  private readonly i18n = inject(I18n);
  private readonly dialogRef = inject<MatDialogRef<ResolveDialog, CaseDetail>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly store = inject(CaseStore, { optional: true });
  protected readonly detail = inject<CaseDetail>(MAT_DIALOG_DATA);
  private readonly themesInput = viewChild.required(ThemesInput);

  protected readonly fields = FIELDS;
  /** Editing a story already written (resolved now or before a reopen). */
  protected readonly editing = this.detail.status === 'resolved';
  protected readonly draft = signal<Draft>(draftOf(this.detail.resolution));
  protected readonly themes = signal<readonly string[]>(this.detail.themes);
  /** The case's themes and those of this customer's other cases. */
  protected readonly suggestions = computed(() => {
    const all = new Set([...this.detail.themes, ...(this.store?.cases().flatMap((c) => c.themes) ?? [])]);
    return [...all];
  });
  /** The version this draft started from: the server refuses to overwrite any other. */
  private expectedVersion = this.detail.resolution?.version ?? 0;
  protected readonly tried = signal(false);
  protected readonly pending = signal(false);
  protected readonly serverError = signal<string | null>(null);
  protected readonly conflict = signal(false);
  protected readonly latest = signal<CaseResolution | null>(null);
  protected readonly loadingLatest = signal(false);

  constructor() {
    // A long story must not vanish on a stray click outside or Esc: only Cancel closes.
    this.dialogRef.disableClose = true;
  }

  protected set(field: StoryField, value: string): void {
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected submit(): void {
    if (this.pending()) return;
    this.tried.set(true);
    const themes = this.themesInput().flush();
    const draft = this.draft();
    if (!draft.needed.trim() || !draft.did.trim() || !draft.felt.trim()) return;
    this.pending.set(true);
    this.serverError.set(null);
    this.api
      .resolve(this.detail.id, {
        expectedVersion: this.expectedVersion,
        needed: draft.needed.trim(),
        did: draft.did.trim(),
        felt: draft.felt.trim(),
        customerWords: draft.customerWords.trim() || null,
        themes: [...themes],
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => this.dialogRef.close(saved),
        error: (error: unknown) => {
          this.pending.set(false);
          this.serverError.set(caseErrorText(error, this.i18n));
          if (apiErrorCode(error) === 'case.resolution_changed') {
            this.conflict.set(true);
            this.latest.set(null);
          }
        },
      });
  }

  /** Reads the colleague's version; saving again from here means "mine replaces it", knowingly. */
  protected loadLatest(): void {
    this.loadingLatest.set(true);
    this.api
      .get(this.detail.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (latest) => {
          this.loadingLatest.set(false);
          this.expectedVersion = latest.resolution?.version ?? 0;
          this.latest.set(latest.resolution);
          this.serverError.set(null);
          if (!latest.resolution) this.conflict.set(false);
        },
        error: (error: unknown) => {
          this.loadingLatest.set(false);
          this.serverError.set(caseErrorText(error, this.i18n));
        },
      });
  }

  protected useLatest(): void {
    const latest = this.latest();
    if (!latest) return;
    this.draft.set(draftOf(latest));
    this.conflict.set(false);
    this.latest.set(null);
  }
}
