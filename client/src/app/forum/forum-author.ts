import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ForumAuthor } from '@hearth/contract';
import { TranslatePipe } from '../core/i18n';

/** A forum author: the name (a member's links to their profile) and a senior-fan or staff badge. */
@Component({
  selector: 'app-forum-author',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  template: `
    @let a = author();
    @if (a.kind === 'member') {
      <a class="name" [routerLink]="['/forum/members', a.username]">{{ a.displayName }}</a>
      @if (a.seniorFan) {
        <span class="badge fan" [title]="'forum.badge.fanHint' | t">
          <span class="material-symbols-outlined" aria-hidden="true">favorite</span>{{ 'forum.badge.fan' | t }}
        </span>
      }
    } @else {
      <span class="name">{{ a.name }}</span>
      <span class="badge staff" [title]="'forum.badge.staffHint' | t">
        <span class="material-symbols-outlined" aria-hidden="true">verified</span>{{ 'forum.badge.staff' | t }}
      </span>
    }
  `,
  styles: `
    :host { display: inline-flex; align-items: center; gap: 6px; flex-wrap: wrap; }
    .name { font-weight: 600; color: inherit; text-decoration: none; }
    a.name:hover, a.name:focus-visible { text-decoration: underline; }
    .badge {
      display: inline-flex; align-items: center; gap: 2px; padding: 0 8px 0 4px; border-radius: 999px;
      font: var(--mat-sys-label-small); line-height: 20px;
    }
    .badge .material-symbols-outlined { font-size: 14px; }
    .fan { background: #fde7ef; color: #9c2257; }
    .staff { background: #e3efff; color: #174ea6; }
  `,
})
export class ForumAuthorChip {
  readonly author = input.required<ForumAuthor>();
}
