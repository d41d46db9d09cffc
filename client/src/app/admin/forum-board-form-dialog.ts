import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { FORUM_BOARD_KINDS, ForumBoard, ForumBoardKind } from '@hearth/contract';
import { Observable } from 'rxjs';
import { TranslatePipe } from '../core/i18n';
import { BoardFields, ForumApi } from '../forum/forum-api';
import { FormError } from '../shared/form-error';
import { DialogSubmission } from './dialog-submission';
import { BOARD_KIND_HINTS, BOARD_KIND_LABELS } from './forum-board-kinds';

/** The server's rule for a board's URL name. */
export const BOARD_SLUG = /^[a-z0-9-]{2,32}$/;

/** The server trims, so a value of only spaces is as empty as no value. */
function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() ? null : { required: true };
}

function slugRule(control: AbstractControl<string>): ValidationErrors | null {
  const slug = control.value.trim();
  return !slug || BOARD_SLUG.test(slug) ? null : { slug: true };
}

/**
 * Adds a forum board, or edits the one passed as data (sending only what changed; the URL name is
 * fixed once created, since links to the board use it). Closes with the saved board, or nothing.
 */
@Component({
  selector: 'app-forum-board-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormError,
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
  ],
  templateUrl: './forum-board-form-dialog.html',
  styleUrl: './staff-dialog.scss',
})
export class ForumBoardFormDialog {
  private readonly api = inject(ForumApi);
  /** The board being edited; null when adding one. */
  protected readonly board = inject<ForumBoard | null>(MAT_DIALOG_DATA, { optional: true }) ?? null;
  protected readonly kinds = FORUM_BOARD_KINDS;
  protected readonly kindLabels = BOARD_KIND_LABELS;
  protected readonly kindHints = BOARD_KIND_HINTS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    slug: [{ value: this.board?.slug ?? '', disabled: !!this.board }, [requiredText, slugRule]],
    name: [this.board?.name ?? '', [requiredText, Validators.maxLength(40)]],
    description: [this.board?.description ?? '', [Validators.maxLength(200)]],
    kind: [this.board?.kind ?? ('help' as ForumBoardKind), [Validators.required]],
    position: [this.board?.position ?? 0, [Validators.required, Validators.min(0), Validators.max(9999), Validators.pattern(/^\d+$/)]],
  });
  protected readonly slug = toSignal(this.form.controls.slug.valueChanges, { initialValue: this.form.controls.slug.value });
  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: this.form.controls.kind.value });
  protected readonly submission = new DialogSubmission<ForumBoard>({
    'forum.slug_taken': { control: this.form.controls.slug, error: 'taken' },
  });

  protected submit(): void {
    this.submission.submit(this.form, () => this.save());
  }

  /** The request to send, or null when an edit changed nothing. */
  private save(): Observable<ForumBoard> | null {
    const raw = this.form.getRawValue();
    const fields: BoardFields = {
      slug: raw.slug.trim(),
      name: raw.name.trim(),
      description: raw.description.trim(),
      kind: raw.kind,
      position: Number(raw.position),
    };
    const board = this.board;
    if (!board) return this.api.createBoard(fields);
    const changes: { -readonly [K in keyof BoardFields]?: BoardFields[K] } = {};
    if (fields.name !== board.name) changes.name = fields.name;
    if (fields.description !== board.description) changes.description = fields.description;
    if (fields.kind !== board.kind) changes.kind = fields.kind;
    if (fields.position !== board.position) changes.position = fields.position;
    return Object.keys(changes).length ? this.api.updateBoard(board.id, changes) : null;
  }
}
