import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslatePipe } from '../core/i18n';
import { Presence } from '../core/presence';

/** "同事在线": the names of colleagues online now, each with a dot. Names, never numbers. */
@Component({
  selector: 'app-colleagues-online',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <h2 class="label" id="colleagues-heading">{{ 'inbox.colleagues' | t }}</h2>
    @if (presence.colleaguesOnline().length) {
      <ul class="names" aria-labelledby="colleagues-heading">
        @for (colleague of presence.colleaguesOnline(); track colleague.id) {
          <li><span class="dot" aria-hidden="true"></span>{{ colleague.name }}</li>
        }
      </ul>
    } @else {
      <p class="none">{{ 'inbox.noColleagues' | t }}</p>
    }
  `,
  styles: `
    :host { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; font: var(--mat-sys-body-medium); color: var(--mat-sys-on-surface-variant); }
    .label { font: var(--mat-sys-label-large); }
    .names { display: flex; flex-wrap: wrap; gap: 4px 12px; list-style: none; margin: 0; padding: 0; color: var(--mat-sys-on-surface); }
    li { display: inline-flex; align-items: center; gap: 6px; }
    .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--mat-sys-primary); }
  `,
})
export class ColleaguesOnline {
  protected readonly presence = inject(Presence);
}
