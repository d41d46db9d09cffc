import { CdkTextareaAutosize } from '@angular/cdk/text-field';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { I18n, TranslatePipe } from '../core/i18n';
import { Realtime } from '../core/realtime';
import { ChatOutbox } from './chat-outbox';
import { QuickReplies } from './quick-replies';
import { QuickRepliesDialog } from './quick-replies-dialog';
import { TypingSignal } from './typing-signal';
import { FORM_DIALOG } from '../shared/dialog-options';

const MAX_LENGTH = 4000;

/** Image files among dropped or pasted items. */
function imagesIn(files: FileList | readonly File[] | null | undefined): File[] {
  return Array.from(files ?? []).filter((file) => file.type.startsWith('image/'));
}

/**
 * The reply box of the web chat: Enter sends, Shift+Enter breaks the line, and an IME still
 * composing (Chinese input) never sends. Images by button, paste or drop; quick replies from a
 * shared list. What is typed is kept per customer until sent, even across a reload.
 */
@Component({
  selector: 'app-chat-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CdkTextareaAutosize, MatButtonModule, MatMenuModule, TranslatePipe],
  templateUrl: './chat-composer.html',
  styleUrl: './chat-composer.scss',
  host: {
    '[class.dragging]': 'dragging()',
    '(dragenter)': 'onDragOver($event)',
    '(dragover)': 'onDragOver($event)',
    '(dragleave)': 'onDragLeave($event)',
    '(drop)': 'onDrop($event)',
  },
})
export class ChatComposer {
  private readonly outbox = inject(ChatOutbox);
  private readonly realtime = inject(Realtime);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly quickReplies = inject(QuickReplies);

  /** Whom the replies go to. */
  readonly customerId = input.required<string>();
  /** Where replies go: WeChat takes text only (images would need WeChat's media upload). */
  readonly channel = input<'chat' | 'wechat'>('chat');

  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly maxLength = MAX_LENGTH;
  protected readonly text = signal('');
  protected readonly dragging = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly typing = new TypingSignal((typing) => this.realtime.typing(this.customerId(), typing));

  constructor() {
    // Each customer has their own draft: switching customers swaps the text.
    effect(() => {
      const id = this.customerId();
      untracked(() => {
        this.typing.stop();
        this.text.set(this.outbox.draft(id));
        this.error.set(null);
      });
    });
    inject(DestroyRef).onDestroy(() => this.typing.stop());
  }

  protected onInput(value: string): void {
    this.text.set(value);
    this.outbox.setDraft(this.customerId(), value);
    this.typing.input(value.trim().length > 0);
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey) return;
    // While an input method is composing, Enter picks the candidate: it must not send.
    if (event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    this.send();
  }

  protected send(): void {
    const body = this.text().trim();
    if (!body) return;
    this.outbox.send(this.customerId(), body.slice(0, MAX_LENGTH), this.channel());
    this.text.set('');
    this.outbox.setDraft(this.customerId(), '');
    this.typing.stop();
    this.error.set(null);
    this.box().nativeElement.focus();
  }

  protected chooseImage(): void {
    this.fileInput().nativeElement.click();
  }

  protected onFiles(input: HTMLInputElement): void {
    this.sendImages(imagesIn(input.files));
    input.value = '';
  }

  protected onPaste(event: ClipboardEvent): void {
    const files = imagesIn(
      Array.from(event.clipboardData?.items ?? [])
        .filter((item) => item.kind === 'file')
        .map((item) => item.getAsFile())
        .filter((file): file is File => !!file),
    );
    if (files.length === 0) return;
    event.preventDefault();
    this.sendImages(files);
  }

  protected onDragOver(event: DragEvent): void {
    if (!Array.from(event.dataTransfer?.types ?? []).includes('Files')) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected onDragLeave(event: DragEvent): void {
    // Leaving for a child of the composer is not leaving.
    if (!this.host.nativeElement.contains(event.relatedTarget as Node | null)) this.dragging.set(false);
  }

  protected onDrop(event: DragEvent): void {
    if (!this.dragging()) return;
    event.preventDefault();
    this.dragging.set(false);
    this.sendImages(imagesIn(event.dataTransfer?.files));
  }

  protected openQuickReplies(): void {
    this.quickReplies.refresh();
  }

  /** Puts a saved phrase where the caret is (replacing a selection), ready to edit or send. */
  protected insert(phrase: string): void {
    const box = this.box().nativeElement;
    const start = box.selectionStart ?? this.text().length;
    const end = box.selectionEnd ?? start;
    const value = (this.text().slice(0, start) + phrase + this.text().slice(end)).slice(0, MAX_LENGTH);
    this.onInput(value);
    box.value = value;
    box.focus();
    box.setSelectionRange(start + phrase.length, start + phrase.length);
  }

  protected manageQuickReplies(): void {
    this.dialog.open(QuickRepliesDialog, FORM_DIALOG);
  }

  private sendImages(files: readonly File[]): void {
    const customerId = this.customerId();
    this.error.set(null);
    if (this.channel() === 'wechat') {
      this.error.set(this.i18n.t('chat.wechatNoImages'));
      return;
    }
    for (const file of files) {
      void this.outbox.sendImage(customerId, file).then((refused) => {
        if (refused && this.customerId() === customerId) this.error.set(refused);
      });
    }
  }
}
