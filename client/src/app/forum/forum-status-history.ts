import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { ForumStatusChange } from '@hearth/contract';
import { I18n, TranslatePipe } from '../core/i18n';
import { postTime } from './forum-post';
import { FEEDBACK_STATUS_KEYS } from './forum-status-dialog';

/** A suggestion's progress, oldest first: status, who set it, when, and the note for everyone who took part. */
@Component({
  selector: 'app-forum-status-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  host: { role: 'region', 'aria-labelledby': 'history-title' },
  template: `
    <h2 id="history-title">{{ 'forum.thread.history' | t }}</h2>
    <ol>
      @for (change of history(); track $index) {
        <li [attr.data-status]="change.status">
          <span class="dot" aria-hidden="true"></span>
          <div>
            <p class="head">
              <strong>{{ keys[change.status] | t }}</strong>
              <span class="by">{{ 'forum.thread.historyBy' | t: { name: change.by, time: time(change.at) } }}</span>
            </p>
            @if (change.note) {
              <p class="note">{{ change.note }}</p>
            }
          </div>
        </li>
      }
    </ol>
  `,
  styles: `
    :host {
      display: block;
      margin-top: var(--hearth-space-4);
      padding: var(--hearth-space-4);
      border-radius: var(--hearth-radius);
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-lowest);
    }
    h2 { font: var(--mat-sys-title-medium); font-weight: 600; }
    ol { list-style: none; margin: var(--hearth-space-3) 0 0; padding: 0; }
    li { position: relative; display: flex; gap: var(--hearth-space-3); padding-bottom: var(--hearth-space-3); }
    li:last-child { padding-bottom: 0; }
    li:not(:last-child)::before {
      content: ''; position: absolute; left: 5px; top: 16px; bottom: 0; width: 2px; background: var(--mat-sys-outline-variant);
    }
    .dot { flex: none; width: 12px; height: 12px; margin-top: 5px; border-radius: 50%; background: #c98a00; }
    li[data-status='planned'] .dot { background: #1a73e8; }
    li[data-status='shipped'] .dot { background: #1e8e4e; }
    .head { display: flex; flex-wrap: wrap; gap: var(--hearth-space-1) var(--hearth-space-2); align-items: baseline; }
    .by { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    .note { margin-top: var(--hearth-space-1); line-height: 1.7; overflow-wrap: anywhere; }
  `,
})
export class ForumStatusHistory {
  private readonly i18n = inject(I18n);
  readonly history = input.required<readonly ForumStatusChange[]>();
  protected readonly keys = FEEDBACK_STATUS_KEYS;

  protected time(iso: string): string {
    return postTime(iso, new Date(), this.i18n.lang(), this.i18n);
  }
}
