import { CdkTextareaAutosize } from '@angular/cdk/text-field';
import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ChatImage } from '@hearth/contract';
import { Observable, Subscription } from 'rxjs';
import { newClientId } from '../../shared/client-id';
import { apiErrorCode, apiErrorMessage, apiErrorStatus } from '../core/api-error';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { readJson, sessionStorageOf, writeJson } from '../desk/reply-storage';
import { FormError } from '../shared/form-error';
import { ForumApi } from './forum-api';

/** What a submit sends: the Markdown and the id that makes a double submit one post. */
export interface ForumDraft {
  readonly body: string;
  readonly clientId: string;
}

/** The server's limit on a post's Markdown. */
export const FORUM_BODY_MAX = 10_000;
const DRAFT_PREFIX = 'hearth.forum.draft:';

/** Why a post did not go out, by the server's code: the text stays for another try. */
const SEND_ERRORS: Readonly<Record<string, MessageKey>> = {
  'forum.thread_locked': 'forum.composer.error.locked',
  'forum.sign_in_required': 'forum.composer.error.signIn',
  'forum.board_archived': 'forum.composer.error.archived',
  rate_limited: 'forum.composer.error.rateLimited',
};

function uploadError(error: unknown): MessageKey {
  const status = apiErrorStatus(error);
  if (status === 415) return 'forum.composer.image.notImage';
  if (status === 413) return 'forum.composer.image.tooLarge';
  if (status === 429) return 'forum.composer.error.rateLimited';
  if (status === 0) return 'error.network';
  return 'forum.composer.image.failed';
}

interface Upload {
  readonly id: number;
  readonly name: string;
  /** 0–100, or null before the browser reports any. */
  readonly percent: number | null;
}

/** Image files among pasted or dropped items. */
function imagesIn(files: readonly (File | null)[]): File[] {
  return files.filter((file): file is File => !!file && file.type.startsWith('image/'));
}

/**
 * Writes a forum post in Markdown: images by button, paste or drop (uploaded, then `![](url)` at
 * the caret), a preview exactly as the server renders it, Ctrl/Cmd+Enter to send. The draft and its
 * client id live in the tab's sessionStorage under `draftKey` until the post is stored, so a
 * reload loses nothing and a retry of the same draft is still one post.
 */
@Component({
  selector: 'app-forum-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CdkTextareaAutosize, MatButtonModule, MatProgressBarModule, FormError, TranslatePipe],
  templateUrl: './forum-composer.html',
  styleUrl: './forum-composer.scss',
  host: {
    '[class.dragging]': 'dragging()',
    '(dragover)': 'onDragOver($event)',
    '(dragleave)': 'onDragLeave($event)',
    '(drop)': 'onDrop($event)',
  },
})
export class ForumComposer {
  private readonly api = inject(ForumApi);
  private readonly storage = sessionStorageOf(inject(DOCUMENT));
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** Where the draft is kept, e.g. `reply:<threadId>`. */
  readonly draftKey = input.required<string>();
  /** Stores the post; the composer keeps the text until it succeeds. */
  readonly submit = input.required<(draft: ForumDraft) => Observable<unknown>>();
  readonly submitLabel = input<MessageKey>('forum.composer.send');
  readonly label = input<MessageKey>('forum.composer.label');
  readonly placeholder = input<MessageKey>('forum.composer.placeholder');
  /** Whatever else the parent needs before sending (a new thread's title). */
  readonly ready = input(true);
  /** Codes the parent reads its own way (e.g. a title the server refused). */
  readonly errorKeys = input<Readonly<Record<string, MessageKey>>>({});
  /** The post was stored. */
  readonly sent = output<void>();

  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly maxLength = FORUM_BODY_MAX;
  protected readonly text = signal('');
  private clientId = newClientId();
  protected readonly mode = signal<'write' | 'preview'>('write');
  protected readonly preview = signal<{ body: string; html: string } | null>(null);
  protected readonly previewState = signal<'idle' | 'loading' | 'error'>('idle');
  protected readonly uploads = signal<readonly Upload[]>([]);
  protected readonly sending = signal(false);
  protected readonly error = signal<MessageKey | null>(null);
  protected readonly dragging = signal(false);
  private nextUpload = 0;
  private previewRequest?: Subscription;

  protected readonly canSend = computed(
    () => this.text().trim().length > 0 && this.ready() && !this.sending() && this.uploads().length === 0,
  );
  /** Shown as the limit comes near, not before. */
  protected readonly remaining = computed(() => {
    const left = FORUM_BODY_MAX - this.text().length;
    return left <= 500 ? left : null;
  });

  constructor() {
    effect(() => {
      const key = this.draftKey();
      untracked(() => {
        const stored = readJson<Partial<ForumDraft>>(this.storage, DRAFT_PREFIX + key);
        this.text.set(typeof stored?.body === 'string' ? stored.body : '');
        this.clientId = typeof stored?.clientId === 'string' ? stored.clientId : newClientId();
        this.error.set(null);
        this.mode.set('write');
      });
    });
  }

  /** Sends what is written (also called by the parent for Ctrl+Enter in its own fields). */
  send(): void {
    if (!this.canSend()) return;
    const key = this.draftKey();
    const draft: ForumDraft = { body: this.text().trim(), clientId: this.clientId };
    this.sending.set(true);
    this.error.set(null);
    this.submit()(draft).subscribe({
      next: () => {
        this.sending.set(false);
        // Typed on since sending? Keep it; only what was sent is done.
        if (this.draftKey() === key && this.text().trim() === draft.body) {
          this.text.set('');
          this.preview.set(null);
          this.mode.set('write');
        }
        this.clientId = newClientId();
        this.save();
        this.sent.emit();
      },
      error: (error: unknown) => {
        this.sending.set(false);
        const code = apiErrorCode(error);
        const own = code ? this.errorKeys()[code] : undefined;
        const tooMany = apiErrorStatus(error) === 429 ? 'forum.composer.error.rateLimited' : undefined;
        this.error.set(own ?? tooMany ?? apiErrorMessage(error, SEND_ERRORS));
      },
    });
  }

  focus(): void {
    this.write();
  }

  protected onInput(value: string): void {
    this.text.set(value);
    this.save();
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    // An input method still composing owns Enter.
    if (event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    this.send();
  }

  protected write(): void {
    this.mode.set('write');
    // The box shows again on the next render; focus it then.
    afterNextRender(() => this.box().nativeElement.focus(), { injector: this.injector });
  }

  protected showPreview(): void {
    this.mode.set('preview');
    const body = this.text().trim();
    if (!body || this.preview()?.body === body) return;
    this.previewRequest?.unsubscribe();
    this.previewState.set('loading');
    this.previewRequest = this.api.preview(body).subscribe({
      next: ({ html }) => {
        this.preview.set({ body, html });
        this.previewState.set('idle');
      },
      error: () => this.previewState.set('error'),
    });
  }

  protected chooseImage(): void {
    this.fileInput().nativeElement.click();
  }

  protected onFiles(input: HTMLInputElement): void {
    this.uploadAll(imagesIn(Array.from(input.files ?? [])));
    input.value = '';
  }

  protected onPaste(event: ClipboardEvent): void {
    const files = imagesIn(
      Array.from(event.clipboardData?.items ?? [])
        .filter((item) => item.kind === 'file')
        .map((item) => item.getAsFile()),
    );
    if (!files.length) return;
    event.preventDefault();
    this.uploadAll(files);
  }

  protected onDragOver(event: DragEvent): void {
    if (!Array.from(event.dataTransfer?.types ?? []).includes('Files')) return;
    event.preventDefault();
    this.dragging.set(true);
  }

  protected onDragLeave(event: DragEvent): void {
    if (!this.host.nativeElement.contains(event.relatedTarget as Node | null)) this.dragging.set(false);
  }

  protected onDrop(event: DragEvent): void {
    if (!this.dragging()) return;
    event.preventDefault();
    this.dragging.set(false);
    this.uploadAll(imagesIn(Array.from(event.dataTransfer?.files ?? [])));
  }

  private uploadAll(files: readonly File[]): void {
    this.error.set(null);
    for (const file of files) this.upload(file);
  }

  private upload(file: File): void {
    const id = this.nextUpload++;
    const key = this.draftKey();
    this.uploads.update((list) => [...list, { id, name: file.name || 'image', percent: null }]);
    const done = () => this.uploads.update((list) => list.filter((u) => u.id !== id));
    this.api.uploadImageWithProgress(file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress && event.total) {
          const percent = Math.round((100 * event.loaded) / event.total);
          this.uploads.update((list) => list.map((u) => (u.id === id ? { ...u, percent } : u)));
        } else if (event.type === HttpEventType.Response && event.body) {
          done();
          if (this.draftKey() === key) this.insertImage(event.body);
        }
      },
      error: (error: unknown) => {
        done();
        this.error.set(uploadError(error));
      },
    });
  }

  /** `![](url)` on a line of its own where the caret is (replacing a selection). */
  private insertImage(image: ChatImage): void {
    const box = this.box().nativeElement;
    const text = this.text();
    const start = Math.min(box.selectionStart ?? text.length, text.length);
    const end = Math.max(start, Math.min(box.selectionEnd ?? start, text.length));
    const before = text.slice(0, start);
    const after = text.slice(end);
    const snippet = `${before && !before.endsWith('\n') ? '\n' : ''}![](${image.url})${after.startsWith('\n') ? '' : '\n'}`;
    const value = before + snippet + after;
    this.onInput(value);
    box.value = value;
    const caret = before.length + snippet.length;
    box.setSelectionRange(caret, caret);
  }

  private save(): void {
    const key = DRAFT_PREFIX + this.draftKey();
    if (this.text()) writeJson(this.storage, key, { body: this.text(), clientId: this.clientId } satisfies ForumDraft);
    else {
      try {
        this.storage?.removeItem(key);
      } catch {
        // Storage refused: nothing was kept either.
      }
    }
  }
}
