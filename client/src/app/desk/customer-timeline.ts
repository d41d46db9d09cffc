import { CdkVirtualScrollViewport, ScrollingModule, VIRTUAL_SCROLL_STRATEGY } from '@angular/cdk/scrolling';
import {
  ChangeDetectionStrategy,
  Component,
  Injectable,
  computed,
  effect,
  inject,
  input,
  output,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { distinctUntilChanged, filter, map, startWith, switchMap } from 'rxjs';
import { I18n, TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { MeasuredScrollStrategy } from './measured-scroll-strategy';
import { TimelineItem } from './timeline-item';
import { TimelineRow, timelineRows } from './timeline-rows';

type FooterState = 'end' | 'loading' | 'error' | 'more';
type FeedRow = TimelineRow | { readonly type: 'footer'; readonly key: string; readonly state: FooterState };

/** Start loading the next page when the rendered rows come this close to the end. */
const LOAD_AHEAD_ROWS = 10;

/** Scrolled less than this from the top still shows the newest event. */
const NEWEST_SLACK_PX = 48;

/** Lets the scroll strategy (made before the component's inputs exist) read the rows. */
@Injectable()
class RowSource {
  rows: () => readonly FeedRow[] = () => [];
}

/** A first guess of a row's height before it is measured: by type and text length. */
function estimateHeight(row: FeedRow | undefined): number {
  if (!row) return 80;
  if (row.type === 'day') return 52;
  if (row.type === 'footer') return 72;
  const lines = Math.ceil(Math.max(1, row.event.body.length) / 48);
  const image = row.event.details?.['image'] ? 248 : 0;
  return 72 + image + Math.min(lines, 20) * 24;
}

/**
 * A customer's timeline, newest first, as one virtual-scrolling feed with day separators. Asks for
 * older events (`loadMore`) as the reader nears the end.
 */
@Component({
  selector: 'app-customer-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ScrollingModule, MatButtonModule, MatProgressSpinnerModule, TimelineItem, TranslatePipe],
  providers: [
    RowSource,
    {
      provide: VIRTUAL_SCROLL_STRATEGY,
      deps: [RowSource],
      useFactory: (source: RowSource) =>
        new MeasuredScrollStrategy(
          (i) => source.rows()[i]?.key ?? `#${i}`,
          (i) => estimateHeight(source.rows()[i]),
          () => source.rows().length,
        ),
    },
  ],
  templateUrl: './customer-timeline.html',
  styleUrl: './customer-timeline.scss',
})
export class CustomerTimeline {
  private readonly i18n = inject(I18n);
  private readonly strategy = inject(VIRTUAL_SCROLL_STRATEGY) as MeasuredScrollStrategy;

  readonly events = input.required<readonly TimelineEvent[]>();
  readonly pendingIds = input<ReadonlySet<string>>(new Set());
  readonly complete = input(false);
  readonly loadingMore = input(false);
  readonly moreFailed = input(false);
  readonly loadMore = output<void>();
  /** Whether the newest events (the top of the feed) are in view. */
  readonly atNewest = output<boolean>();

  private readonly viewport = viewChild.required(CdkVirtualScrollViewport);

  protected readonly rows = computed<readonly FeedRow[]>(() => {
    const rows: FeedRow[] = timelineRows(this.events(), new Date(), this.i18n.lang());
    const state: FooterState = this.complete()
      ? 'end'
      : this.moreFailed()
        ? 'error'
        : this.loadingMore()
          ? 'loading'
          : 'more';
    if (this.events().length > 0) rows.push({ type: 'footer', key: `footer:${state}`, state });
    return rows;
  });

  /** Position of each event among events (feed pattern), for aria-posinset. */
  protected readonly positions = computed(() => {
    const positions = new Map<string, number>();
    let n = 0;
    for (const row of this.rows()) if (row.type === 'event') positions.set(row.key, ++n);
    return positions;
  });

  protected readonly setSize = computed(() => (this.complete() ? this.positions().size : -1));

  constructor() {
    inject(RowSource).rows = this.rows;
    // Same count but different rows (a filter swap): the offsets must be recomputed.
    effect(() => {
      this.rows();
      untracked(() => this.strategy.invalidate());
    });
    toObservable(this.viewport)
      .pipe(
        switchMap((viewport) => viewport.renderedRangeStream),
        filter((range) => range.end >= this.rows().length - LOAD_AHEAD_ROWS),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.requestMore());
    toObservable(this.viewport)
      .pipe(
        switchMap((viewport) =>
          viewport.elementScrolled().pipe(
            startWith(undefined),
            map(() => viewport.measureScrollOffset('top') < NEWEST_SLACK_PX),
          ),
        ),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((atNewest) => this.atNewest.emit(atNewest));
  }

  protected requestMore(): void {
    if (!this.complete() && !this.loadingMore()) this.loadMore.emit();
  }

  protected trackRow = (_: number, row: FeedRow) => row.key;
}
