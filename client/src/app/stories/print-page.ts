import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  ViewEncapsulation,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { Story } from '@hearth/contract';
import { apiErrorMessage } from '../core/api-error';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { calendarDate } from '../desk/timeline-rows';
import { EventExcerpt } from '../shared/event-excerpt';
import { GESTURE_STATUS_LABELS, gestureKindName } from '../shared/gesture-kinds';
import { nameList } from '../shared/names';
import { MAX_SELECTION, StoriesApi } from './stories-api';
import { excerptEvents, paragraphs } from './story-text';

type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly stories: readonly Story[] }
  | { readonly kind: 'error'; readonly message: MessageKey }
  | { readonly kind: 'none' };

/** `?ids=a,b,c` → the ids, without blanks or repeats, at most 50 (what the server accepts). */
export function printIds(value: string | null): string[] {
  const ids = (value ?? '').split(',').map((id) => id.trim()).filter((id) => id.length > 0);
  return [...new Set(ids)].slice(0, MAX_SELECTION);
}

/**
 * `/print/stories?ids=…`: the chosen stories as clean A4 pages, outside the app frame; opens the
 * print dialog once they are on the page (`noprint=1` skips that, for checks and screenshots).
 */
@Component({
  selector: 'app-print-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [RouterLink, EventExcerpt, TranslatePipe],
  templateUrl: './print-page.html',
  styleUrl: './print-page.scss',
  host: { class: 'print-page' },
})
export class PrintPage {
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);

  private readonly params = inject(ActivatedRoute).snapshot.queryParamMap;
  private readonly ids = printIds(this.params.get('ids'));
  private readonly autoPrint = this.params.get('noprint') !== '1';

  protected readonly load = signal<Load>(this.ids.length ? { kind: 'loading' } : { kind: 'none' });
  protected readonly printedOn = computed(() => calendarDate(new Date().toISOString(), this.i18n.lang()));
  protected readonly statusNames = GESTURE_STATUS_LABELS;
  protected readonly paragraphs = paragraphs;
  protected readonly excerptEvents = excerptEvents;

  constructor() {
    if (!this.ids.length) return;
    inject(StoriesApi).selection(this.ids).subscribe({
      next: (stories) => {
        this.load.set({ kind: 'ready', stories });
        if (this.autoPrint && stories.length) {
          afterNextRender(() => this.print(), { injector: this.injector });
        }
      },
      error: (error: unknown) => this.load.set({ kind: 'error', message: apiErrorMessage(error) }),
    });
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  protected date(iso: string): string {
    return calendarDate(iso, this.i18n.lang());
  }

  protected names(list: readonly { name: string }[]): string {
    return nameList(list, this.i18n);
  }

  protected gestureLabel(kind: string): string {
    return gestureKindName(kind, (key) => this.i18n.t(key));
  }
}
