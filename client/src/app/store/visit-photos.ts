import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ChatImage } from '@hearth/contract';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { apiErrorMessage, apiErrorText } from '../core/api-error';
import { I18n, TranslatePipe } from '../core/i18n';
import { ChatApi } from '../desk/chat-api';

/** The server keeps at most this many photos per visit. */
export const MAX_VISIT_PHOTOS = 6;

/**
 * Photos of a visit (a cracked screen, a receipt): taken with the tablet's camera or chosen from
 * files, uploaded at once (the same image store as chat), shown as thumbnails that can be removed.
 */
@Component({
  selector: 'app-visit-photos',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressSpinnerModule, TranslatePipe],
  template: `
    <div class="photos" role="group" [attr.aria-label]="'store.visit.photos' | t">
      @if (images().length || uploading()) {
        <ul class="thumbs">
          @for (image of images(); track image.id; let n = $index) {
            <li class="thumb">
              <img [src]="image.thumbUrl" [alt]="'store.visit.photo' | t: { n: n + 1 }" />
              <button
                mat-icon-button
                type="button"
                class="remove"
                [disabled]="disabled()"
                [attr.aria-label]="'store.visit.removePhoto' | t: { n: n + 1 }"
                (click)="removed.emit(image.id)"
              >
                <span class="material-symbols-outlined" aria-hidden="true">close</span>
              </button>
            </li>
          }
          @for (n of pendingSlots(); track n) {
            <li class="thumb pending" role="status" [attr.aria-label]="'store.visit.photoUploading' | t">
              <mat-spinner diameter="28" />
            </li>
          }
        </ul>
      }
      @if (canAdd()) {
        <button mat-stroked-button type="button" class="add" [disabled]="disabled()" (click)="fileInput.click()">
          <span class="material-symbols-outlined" aria-hidden="true">add_a_photo</span>{{ 'store.visit.addPhoto' | t }}
        </button>
      }
      <input
        #fileInput
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        (change)="onFiles(fileInput)"
      />
      @if (error(); as error) {
        <p class="error" role="alert">{{ 'store.visit.photoFailed' | t: { reason: error } }}</p>
      }
    </div>
  `,
  styles: `
    .photos {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: var(--hearth-space-3);
    }
    .thumbs {
      display: flex;
      flex-wrap: wrap;
      gap: var(--hearth-space-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .thumb {
      position: relative;
      display: grid;
      place-items: center;
      width: 96px;
      height: 96px;
      border-radius: 12px;
      overflow: hidden;
      background: var(--mat-sys-surface-container-high);

      img {
        width: 100%;
        height: 100%;
        object-fit: cover;
      }
    }
    .remove {
      position: absolute;
      top: 0;
      right: 0;
      width: 48px;
      height: 48px;
      color: #fff;
      background: rgb(0 0 0 / 0.45);
      border-radius: 0 0 0 12px;
    }
    .add {
      min-height: 48px;

      .material-symbols-outlined {
        margin-right: var(--hearth-space-2);
        font-size: 20px;
      }
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class VisitPhotos {
  private readonly api = inject(ChatApi);
  private readonly i18n = inject(I18n);
  private readonly destroyRef = inject(DestroyRef);

  readonly images = input.required<readonly ChatImage[]>();
  readonly disabled = input(false);
  readonly added = output<ChatImage>();
  readonly removed = output<string>();
  /** Whether a photo is still on its way up (the visit waits for it). */
  readonly busy = output<boolean>();

  protected readonly uploading = signal(0);
  protected readonly error = signal<string | null>(null);
  protected readonly pendingSlots = computed(() => Array.from({ length: this.uploading() }, (_, i) => i));
  protected readonly canAdd = computed(() => this.images().length + this.uploading() < MAX_VISIT_PHOTOS);

  protected onFiles(input: HTMLInputElement): void {
    const room = MAX_VISIT_PHOTOS - this.images().length - this.uploading();
    const files = Array.from(input.files ?? []).slice(0, Math.max(0, room));
    input.value = '';
    this.error.set(null);
    for (const file of files) this.upload(file);
  }

  private upload(file: File): void {
    this.setUploading(this.uploading() + 1);
    this.api
      .uploadImage(file, file.name || 'photo')
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (image) => {
          this.setUploading(this.uploading() - 1);
          this.added.emit(image);
        },
        error: (error: unknown) => {
          this.setUploading(this.uploading() - 1);
          // Too large (413) or not an image (415): the server says which, in its words.
          this.error.set(apiErrorText(error) ?? this.i18n.t(apiErrorMessage(error)));
        },
      });
  }

  private setUploading(count: number): void {
    this.uploading.set(count);
    this.busy.emit(count > 0);
  }
}
