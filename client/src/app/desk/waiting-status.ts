import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { I18n, TranslatePipe } from '../core/i18n';
import { ConversationStore } from './conversation-store';
import { plainTime, plainTimeWords } from './inbox-list';

/**
 * On the customer page while this person waits for us (a chat message, or a store asked us to
 * get back to them): since when, in plain words, and "已跟进" for when someone did — by phone,
 * in person, anything outside the chat. No countdown, no colour: a person, not a deadline.
 */
@Component({
  selector: 'app-waiting-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe],
  template: `
    @if (conversation.waitingSince(); as since) {
      <div class="waiting">
        <span class="material-symbols-outlined" aria-hidden="true">person_raised_hand</span>
        <time class="since" [attr.datetime]="since">{{ when() }}</time>
        <button
          mat-stroked-button
          type="button"
          [disabled]="conversation.handledState() === 'sending'"
          (click)="conversation.markHandled()"
        >
          <span class="material-symbols-outlined" aria-hidden="true">done</span>{{ 'followUp.handled' | t }}
        </button>
      </div>
      @if (conversation.handledState() === 'failed') {
        <p class="error" role="alert">{{ 'followUp.error' | t }}</p>
      }
    }
  `,
  styles: `
    :host { display: block; }
    .waiting {
      display: flex;
      align-items: center;
      gap: var(--hearth-space-2);
      padding: var(--hearth-space-2) var(--hearth-space-2) var(--hearth-space-2) var(--hearth-space-3);
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      font: var(--mat-sys-body-medium);
    }
    .waiting > .material-symbols-outlined { font-size: 20px; color: var(--mat-sys-on-surface-variant); }
    .since { flex: 1; font-variant-numeric: tabular-nums; }
    .error { margin-top: var(--hearth-space-1); font: var(--mat-sys-body-small); color: var(--mat-sys-error); }
  `,
})
export class WaitingStatus {
  private readonly i18n = inject(I18n);
  protected readonly conversation = inject(ConversationStore);

  /** "等待自 10:32", "等待自 昨天 10:32", or a date. */
  protected readonly when = computed(() => {
    const since = this.conversation.waitingSince();
    if (!since) return '';
    return this.i18n.t('inbox.waitingSince', { time: plainTimeWords(plainTime(since, new Date(), this.i18n.lang()), this.i18n) });
  });
}
