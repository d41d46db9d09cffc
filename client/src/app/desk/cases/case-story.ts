import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { CaseResolution } from '@hearth/contract';
import { I18n, TranslatePipe } from '../../core/i18n';
import { calendarDate, clockTime } from '../timeline-rows';

/** A case's story as written now, with its earlier versions behind "修改记录". */
@Component({
  selector: 'app-case-story',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    <section class="story" aria-labelledby="case-story-title">
      <h3 id="case-story-title" class="section-title">{{ 'cases.panel.story' | t }}</h3>
      <dl>
        <dt>{{ 'cases.story.needed' | t }}</dt>
        <dd>{{ story().needed }}</dd>
        <dt>{{ 'cases.story.did' | t }}</dt>
        <dd>{{ story().did }}</dd>
        <dt>{{ 'cases.story.felt' | t }}</dt>
        <dd>{{ story().felt }}</dd>
        @if (story().customerWords) {
          <dt>{{ 'cases.story.customerWordsShort' | t }}</dt>
          <dd><blockquote class="words">{{ story().customerWords }}</blockquote></dd>
        }
      </dl>
      <p class="version">{{ 'cases.panel.version' | t: { version: story().version, name: story().writtenBy.name, date: date(story().writtenAt) } }}</p>
      @if (history().length) {
        <button
          mat-button
          type="button"
          class="history-toggle"
          aria-controls="case-history"
          [attr.aria-expanded]="historyOpen()"
          (click)="historyOpen.set(!historyOpen())"
        >
          <span class="material-symbols-outlined" aria-hidden="true">{{ historyOpen() ? 'expand_less' : 'expand_more' }}</span>
          {{ 'cases.panel.history' | t: { count: history().length } }}
        </button>
        <ol id="case-history" class="history" [hidden]="!historyOpen()">
          @for (old of history(); track old.version) {
            <li>
              <p class="version">{{ 'cases.panel.version' | t: { version: old.version, name: old.writtenBy.name, date: date(old.writtenAt) } }}</p>
              <dl>
                <dt>{{ 'cases.story.needed' | t }}</dt>
                <dd>{{ old.needed }}</dd>
                <dt>{{ 'cases.story.did' | t }}</dt>
                <dd>{{ old.did }}</dd>
                <dt>{{ 'cases.story.felt' | t }}</dt>
                <dd>{{ old.felt }}</dd>
                @if (old.customerWords) {
                  <dt>{{ 'cases.story.customerWordsShort' | t }}</dt>
                  <dd>{{ old.customerWords }}</dd>
                }
              </dl>
            </li>
          }
        </ol>
      }
    </section>
  `,
  styleUrl: './case-story.scss',
})
export class CaseStory {
  private readonly i18n = inject(I18n);
  readonly story = input.required<CaseResolution>();
  /** Earlier versions, newest first. */
  readonly history = input<readonly CaseResolution[]>([]);
  protected readonly historyOpen = signal(false);

  protected date(iso: string): string {
    const lang = this.i18n.lang();
    return `${calendarDate(iso, lang)} ${clockTime(iso, lang)}`;
  }
}
