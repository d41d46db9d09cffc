import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { I18n, TranslatePipe } from '../core/i18n';
import { ConversationStore } from './conversation-store';

/**
 * Above the reply box: whether the customer is in the chat, which colleagues are looking at this
 * customer too, and who is typing — so two people don't answer at once.
 */
@Component({
  selector: 'app-chat-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  templateUrl: './chat-status.html',
  styleUrl: './chat-status.scss',
})
export class ChatStatus {
  private readonly i18n = inject(I18n);
  protected readonly conversation = inject(ConversationStore);

  protected readonly viewerNames = computed(() =>
    this.conversation
      .viewers()
      .map((v) => v.name)
      .join(this.i18n.t('chat.listSeparator')),
  );

  /** Who is typing, in words: the customer first, then colleagues. */
  protected readonly typingLines = computed(() => {
    const lines = this.conversation.isCustomerTyping() ? [this.i18n.t('chat.customerTyping')] : [];
    for (const person of this.conversation.typingStaff()) lines.push(this.i18n.t('chat.staffTyping', { name: person.name }));
    return lines;
  });
}
