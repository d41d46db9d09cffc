import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { newClientId } from '../../shared/client-id';
import { apiErrorMessage } from '../core/api-error';
import { Auth } from '../core/auth';
import { I18n, TranslatePipe } from '../core/i18n';
import { TimelineStore } from './timeline-store';

/**
 * Writes an internal note. A failed save gives the text back with the same client id, so the
 * text is never lost and retrying can never store the note twice.
 *
 * Who reads a note (decided for issue 7): customers never do; everyone on the team does —
 * store staff too, since everyone serves the same customer — unless its author ticks "仅服务台可见"
 * (`deskOnly`). Such a note is kept from store staff only; agents, managers and admins still see
 * it. The server enforces this; the box only asks.
 */
@Component({
  selector: 'app-note-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <form class="composer" (submit)="$event.preventDefault(); save()">
      <mat-form-field class="field" subscriptSizing="dynamic">
        <mat-label>{{ 'note.label' | t }}</mat-label>
        <textarea
          matInput
          rows="3"
          maxlength="5000"
          [value]="text()"
          [placeholder]="'note.placeholder' | t"
          (input)="onInput($any($event.target).value)"
          (keydown.control.enter)="save()"
          (keydown.meta.enter)="save()"
        ></textarea>
        <mat-hint>{{ 'note.hint' | t }}</mat-hint>
      </mat-form-field>
      @if (error(); as error) {
        <p class="error" role="alert">{{ error }}</p>
      }
      <div class="actions">
        @if (canKeepFromStore()) {
          <mat-checkbox
            class="desk-only"
            [checked]="deskOnly()"
            (change)="onDeskOnly($event.checked)"
            aria-describedby="note-desk-only-hint"
          >
            <span class="material-symbols-outlined" aria-hidden="true">lock</span>{{ 'note.deskOnly' | t }}
          </mat-checkbox>
        }
        <button mat-flat-button type="submit" [disabled]="saving() || !text().trim()">
          <span class="material-symbols-outlined" aria-hidden="true">sticky_note_2</span>{{ 'note.save' | t }}
        </button>
      </div>
      <!-- Said aloud with the checkbox always; shown once it is ticked, so the choice is plain. -->
      @if (canKeepFromStore()) {
        <p id="note-desk-only-hint" class="desk-only-hint" [class.visually-hidden]="!deskOnly()">{{ 'note.deskOnlyHint' | t }}</p>
      }
    </form>
  `,
  styles: `
    .composer { display: flex; flex-direction: column; gap: var(--hearth-space-2); }
    .field { width: 100%; }
    .error { color: var(--mat-sys-error); font: var(--mat-sys-body-medium); }
    .actions { display: flex; align-items: center; justify-content: space-between; flex-wrap: wrap; gap: var(--hearth-space-2); }
    .desk-only { margin-inline-start: -8px; }
    .desk-only-hint { font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .desk-only .material-symbols-outlined { font-size: 16px; vertical-align: -3px; margin-inline-end: 2px; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class NoteComposer {
  private readonly store = inject(TimelineStore);
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly text = signal('');
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly deskOnly = signal(false);
  /** Store staff write notes everyone sees: keeping one from store staff is a desk choice. */
  protected readonly canKeepFromStore = computed(() => this.auth.staff()?.role !== 'store');
  /** One id per note text: kept across retries, renewed once the text changes or is saved. */
  private clientId: string | null = null;

  protected onInput(value: string): void {
    if (value !== this.text()) this.clientId = null;
    this.text.set(value);
  }

  /** Who may read it is part of the note: a different choice is a different note. */
  protected onDeskOnly(checked: boolean): void {
    if (checked !== this.deskOnly()) this.clientId = null;
    this.deskOnly.set(checked);
  }

  protected save(): void {
    const body = this.text().trim();
    if (!body || this.saving()) return;
    const clientId = (this.clientId ??= newClientId());
    const deskOnly = this.deskOnly();
    this.saving.set(true);
    this.error.set(null);
    // The note shows at once in the timeline as pending; the box is free for the next one.
    this.text.set('');
    this.deskOnly.set(false);
    this.clientId = null;
    this.store
      .addNote(body, clientId, deskOnly)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.saving.set(false);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          // Give the text back (unless a new one was started) with the same id for the retry.
          if (!this.text().trim()) {
            this.text.set(body);
            this.deskOnly.set(deskOnly);
            this.clientId = clientId;
          }
          this.error.set(this.i18n.t('note.error', { reason: this.i18n.t(apiErrorMessage(error)) }));
        },
      });
  }
}
