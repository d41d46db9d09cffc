import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { RouterLink } from '@angular/router';
import type { StoryCard as StoryCardData } from '@hearth/contract';
import { I18n, TranslatePipe } from '../core/i18n';
import { ChannelIcon } from '../desk/channel-icon';
import { channelName } from '../desk/customer';
import { calendarDate } from '../desk/timeline-rows';
import { gestureKindIcon, gestureKindName } from '../shared/gesture-kinds';
import { nameList } from '../shared/names';
import { SELECTION_FULL_HINT } from './selection-bar';

/** One story in the feed: what they needed, their words, who helped; a box to select it for export. */
@Component({
  selector: 'app-story-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCheckboxModule, RouterLink, ChannelIcon, TranslatePipe],
  template: `
    <article class="card" [class.featured]="featured()" [class.selected]="selected()" [attr.aria-labelledby]="titleId()">
      <div class="top">
        <p class="kicker">
          @if (story().highlight && !featured()) {
            <span class="badge">
              <span class="material-symbols-outlined" aria-hidden="true">star</span>{{ 'stories.highlight.badge' | t }}
            </span>
          }
          <span class="customer">{{ story().customer.displayName }}</span>
          <span class="sep" aria-hidden="true">·</span>
          <time [attr.datetime]="story().resolvedAt">{{ resolved() }}</time>
        </p>
        @if (selectable()) {
          <mat-checkbox
            class="select"
            [checked]="selected()"
            [disabled]="!selected() && selectionFull()"
            disabledInteractive
            [aria-describedby]="!selected() && selectionFull() ? selectionFullHint : ''"
            (change)="toggled.emit()"
            [aria-label]="'stories.select' | t: { title: story().title }"
          />
        }
      </div>
      <h3 class="title" [id]="titleId()">
        <a [routerLink]="['/stories', story().caseId]">{{ story().title }}</a>
      </h3>
      @if (featured() && story().highlight?.note; as note) {
        <p class="highlight-note">
          <span class="material-symbols-outlined" aria-hidden="true">star</span>
          <span>{{ 'stories.highlight.noteBy' | t: { name: story().highlight!.by.name, note: note } }}</span>
        </p>
      }
      <p class="lead">{{ story().needed }}</p>
      @if (story().customerWords; as words) {
        <blockquote class="words">
          <p>{{ words }}</p>
        </blockquote>
      }
      @if (story().themes.length) {
        <ul class="themes" [attr.aria-label]="'stories.themes' | t">
          @for (theme of story().themes; track theme) {
            <li>{{ theme }}</li>
          }
        </ul>
      }
      <footer class="facts">
        @if (story().channels.length) {
          <span class="fact channels">
            <span class="visually-hidden">{{ 'stories.channels' | t }}</span>
            @for (channel of story().channels; track channel) {
              <span class="channel" [attr.title]="channelLabel(channel)">
                <app-channel-icon [channel]="channel" />
                <span class="visually-hidden">{{ channelLabel(channel) }}</span>
              </span>
            }
          </span>
        }
        @if (stores()) {
          <span class="fact">
            <span class="material-symbols-outlined" aria-hidden="true">storefront</span>{{ stores() }}
          </span>
        }
        @for (kind of story().gestureKinds; track kind) {
          <span class="fact gesture">
            <span class="material-symbols-outlined" aria-hidden="true">{{ gestureIcon(kind) }}</span>{{ gestureLabel(kind) }}
          </span>
        }
      </footer>
      @if (helpers()) {
        <p class="helpers">{{ 'stories.helpedBy' | t: { names: helpers() } }}</p>
      }
    </article>
  `,
  styleUrl: './story-card.scss',
})
export class StoryCard {
  private readonly i18n = inject(I18n);

  readonly story = input.required<StoryCardData>();
  readonly selected = input(false);
  /** Offer a box to select it (for export and printing). */
  readonly selectable = input(true);
  /** No more stories may be picked: an unpicked box is disabled, described by the selection bar's hint. */
  readonly selectionFull = input(false);
  protected readonly selectionFullHint = SELECTION_FULL_HINT;
  /** The week's highlighted stories: larger, with the manager's note. */
  readonly featured = input(false);
  readonly toggled = output<void>();

  protected readonly titleId = computed(() => `story-${this.featured() ? 'featured-' : ''}${this.story().caseId}`);
  protected readonly resolved = computed(() => calendarDate(this.story().resolvedAt, this.i18n.lang()));
  protected readonly stores = computed(() => nameList(this.story().stores, this.i18n));
  protected readonly helpers = computed(() => nameList(this.story().helpers, this.i18n));

  protected channelLabel(channel: string): string {
    return channelName(channel, (key) => this.i18n.t(key));
  }

  protected gestureLabel(kind: string): string {
    return gestureKindName(kind, (key) => this.i18n.t(key));
  }

  protected gestureIcon(kind: string) {
    return gestureKindIcon(kind);
  }
}
