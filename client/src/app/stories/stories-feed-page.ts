import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import type { StoryCard as StoryCardData } from '@hearth/contract';
import { Subject, debounceTime, distinctUntilChanged, map } from 'rxjs';
import { I18n, TranslatePipe } from '../core/i18n';
import { CHANNEL_LABELS } from '../desk/customer';
import { EmptyState } from '../shared/empty-state';
import { SelectionBar } from './selection-bar';
import { MAX_SELECTION, StoriesApi, StoryFacets } from './stories-api';
import { StoryCard } from './story-card';
import { StoryFeed } from './story-feed';
import {
  PERIODS,
  PERIOD_LABELS,
  STORY_CHANNELS,
  StoryFilters,
  filtersFromParams,
  filtersToParams,
  hasFilters,
  storyQuery,
} from './story-filters';

export const SEARCH_DEBOUNCE_MS = 350;

/** Highlighted stories, the latest highlight first (the server lists them by when they were resolved). */
export function latestHighlightFirst(stories: readonly StoryCardData[]): StoryCardData[] {
  return stories
    .filter((s) => s.highlight)
    .sort((a, b) => (a.highlight!.at < b.highlight!.at ? 1 : -1));
}

function sameFilters(a: StoryFilters, b: StoryFilters): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `/stories`: the week's highlighted stories, then recent ones, newest first; filters live in the
 * address so a link can be shared and back / forward step through them.
 */
@Component({
  selector: 'app-stories-feed-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    EmptyState,
    SelectionBar,
    StoryCard,
    TranslatePipe,
  ],
  providers: [StoryFeed],
  templateUrl: './stories-feed-page.html',
  styleUrl: './stories-feed-page.scss',
})
export class StoriesFeedPage {
  private readonly api = inject(StoriesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18n);
  protected readonly feed = inject(StoryFeed);

  protected readonly periods = PERIODS;
  protected readonly periodLabels = PERIOD_LABELS;
  protected readonly channels = STORY_CHANNELS;
  protected readonly channelNames = CHANNEL_LABELS;

  protected readonly filters = toSignal(this.route.queryParamMap.pipe(map(filtersFromParams)), {
    requireSync: true,
  });
  protected readonly filtered = computed(() => hasFilters(this.filters()));
  protected readonly facets = signal<StoryFacets>({ themes: [], stores: [] });
  /** Themes to offer: those in use, and the one in the address even if it is not (any more). */
  protected readonly themes = computed(() => {
    const theme = this.filters().theme;
    const themes = this.facets().themes;
    return theme && !themes.includes(theme) ? [theme, ...themes] : themes;
  });
  private readonly highlighted = signal<readonly StoryCardData[]>([]);
  /** Stories a manager highlighted in the last seven days (the server decides which those are). */
  protected readonly weekly = computed(() => (this.filtered() ? [] : latestHighlightFirst(this.highlighted())));
  /** Filters open on small screens (on wide ones they are always there, beside the stories). */
  protected readonly filtersOpen = signal(false);

  /** Selected stories, in the order they were picked. */
  protected readonly selected = signal<readonly string[]>([]);
  protected readonly selectionFull = computed(() => this.selected().length >= MAX_SELECTION);

  private readonly typed = new Subject<string>();

  constructor() {
    this.route.queryParamMap
      .pipe(map(filtersFromParams), distinctUntilChanged(sameFilters), takeUntilDestroyed())
      .subscribe((filters) => this.feed.load(storyQuery(filters, new Date())));
    this.typed
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe((q) => this.search(q));
    // Both only enrich the page: without them the feed still reads fine.
    this.api.facets().subscribe({ next: (facets) => this.facets.set(facets), error: () => undefined });
    this.api.list({ highlighted: 'week' }).subscribe({
      next: (page) => this.highlighted.set(page.stories),
      error: () => undefined,
    });
  }

  protected typing(value: string): void {
    this.typed.next(value);
  }

  /** Searches now (Enter) or after a pause in typing; typing replaces the history entry. */
  protected search(q: string): void {
    if (q.trim() !== this.filters().q) this.setFilters({ q: q.trim() }, true);
  }

  protected setFilters(patch: Partial<StoryFilters>, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: filtersToParams({ ...this.filters(), ...patch }),
      queryParamsHandling: 'merge',
      replaceUrl,
    });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected isSelected(caseId: string): boolean {
    return this.selected().includes(caseId);
  }

  protected toggle(caseId: string): void {
    this.selected.update((ids) => {
      if (ids.includes(caseId)) return ids.filter((id) => id !== caseId);
      // The server exports and prints at most this many at once.
      return ids.length < MAX_SELECTION ? [...ids, caseId] : ids;
    });
  }

  protected clearSelection(): void {
    this.selected.set([]);
  }
}
