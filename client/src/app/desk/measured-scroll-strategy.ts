import { CdkVirtualScrollViewport, VirtualScrollStrategy } from '@angular/cdk/scrolling';
import { Observable, Subject, distinctUntilChanged } from 'rxjs';

/**
 * Virtual scrolling for rows of different heights.
 *
 * Why not the stock FixedSizeVirtualScrollStrategy: a timeline mixes one-line system events, chat
 * bubbles and long store-visit notes; clamping them to one height would cut off what people wrote.
 * So each row starts from an estimate (by its type and text length) and is measured once rendered;
 * the measured height is kept by row key, so rows prepended live (newest first) do not shift what
 * was measured. O(n) offset sums per scroll are cheap for tens of thousands of rows.
 */
export class MeasuredScrollStrategy implements VirtualScrollStrategy {
  private readonly indexChanges = new Subject<number>();
  readonly scrolledIndexChange: Observable<number> = this.indexChanges.pipe(distinctUntilChanged());

  private viewport: CdkVirtualScrollViewport | null = null;
  private readonly measured = new Map<string, number>();
  private offsets: number[] = [0];

  /**
   * @param keyOf stable key of the row at an index
   * @param estimate a first guess of a row's height in px, before it is measured
   * @param bufferPx how much to render beyond each edge of the viewport
   */
  constructor(
    private readonly keyOf: (index: number) => string,
    private readonly estimate: (index: number) => number,
    private readonly count: () => number,
    private readonly bufferPx = 800,
  ) {}

  attach(viewport: CdkVirtualScrollViewport): void {
    this.viewport = viewport;
    this.invalidate();
  }

  detach(): void {
    this.viewport = null;
  }

  onContentScrolled(): void {
    this.updateRange();
  }

  onDataLengthChanged(): void {
    this.invalidate();
  }

  onContentRendered(): void {
    this.measure();
  }

  onRenderedOffsetChanged(): void {
    // Offsets are ours; nothing to correct.
  }

  scrollToIndex(index: number, behavior: ScrollBehavior): void {
    this.viewport?.scrollToOffset(this.offsetOf(index), behavior);
  }

  /** Top of the row at `index`, in px from the start of the list. */
  offsetOf(index: number): number {
    return this.offsets[Math.max(0, Math.min(index, this.offsets.length - 1))];
  }

  private heightOf(index: number): number {
    return this.measured.get(this.keyOf(index)) ?? this.estimate(index);
  }

  /** Recomputes offsets, e.g. after rows were replaced without the count changing. */
  invalidate(): void {
    const n = this.count();
    const offsets = new Array<number>(n + 1);
    offsets[0] = 0;
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + this.heightOf(i);
    this.offsets = offsets;
    this.viewport?.setTotalContentSize(offsets[n]);
    this.updateRange();
  }

  private updateRange(): void {
    const viewport = this.viewport;
    if (!viewport) return;
    const n = this.count();
    const top = viewport.measureScrollOffset();
    const size = viewport.getViewportSize();
    const first = this.indexAt(top);
    const start = this.indexAt(Math.max(0, top - this.bufferPx));
    const end = Math.min(n, this.indexAt(top + size + this.bufferPx) + 1);
    viewport.setRenderedRange({ start, end });
    viewport.setRenderedContentOffset(this.offsetOf(start));
    this.indexChanges.next(first);
  }

  /** The row covering `px` (binary search over the offsets). */
  private indexAt(px: number): number {
    let lo = 0;
    let hi = Math.max(0, this.offsets.length - 2);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= px) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Reads rendered rows' real heights; rows above the fold keep the reader's place. */
  private measure(): void {
    const viewport = this.viewport;
    if (!viewport) return;
    const { start } = viewport.getRenderedRange();
    const wrapper = viewport.elementRef.nativeElement.querySelector('.cdk-virtual-scroll-content-wrapper');
    if (!wrapper) return;
    const scrollTop = viewport.measureScrollOffset();
    let shiftAbove = 0;
    let changed = false;
    Array.from(wrapper.children).forEach((child, i) => {
      const height = (child as HTMLElement).offsetHeight;
      const index = start + i;
      if (!height || index >= this.count()) return;
      const before = this.heightOf(index);
      if (Math.abs(before - height) < 1) return;
      this.measured.set(this.keyOf(index), height);
      changed = true;
      if (this.offsetOf(index) + before <= scrollTop) shiftAbove += height - before;
    });
    if (!changed) return;
    this.invalidate();
    if (shiftAbove) viewport.scrollToOffset(scrollTop + shiftAbove);
  }
}
