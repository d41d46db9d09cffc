import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { MaterialSymbol } from 'material-symbols';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';
import { AdminList } from './admin-list';

/** The texts every admin list page has, as `<prefix>.title` … `<prefix>.empty.body`. */
const TEXTS = ['title', 'subtitle', 'new', 'loading', 'loadError', 'empty.title', 'empty.body'] as const;
type Text = (typeof TEXTS)[number];

/** The prefix of a message key ending in `.empty.body`, if every one of `TEXTS` exists under it. */
type ListPrefix<K> = K extends `${infer P}.empty.body` ? (`${P}.${Text}` extends MessageKey ? P : never) : never;
/** A message-key prefix (`admin`, `adminStores`, `adminWeChat`) under which all of `TEXTS` exist. */
export type AdminListMessages = ListPrefix<MessageKey>;

/**
 * The frame of an admin list page: a header with the title and the create button, then a panel that
 * shows the list's loading, error (with retry) or empty state, and otherwise the page's own table.
 */
@Component({
  selector: 'app-admin-list-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, EmptyState, TranslatePipe],
  templateUrl: './admin-list-layout.html',
  styleUrl: './admin-list-layout.scss',
})
export class AdminListLayout {
  readonly list = input.required<AdminList<{ readonly id: string }>>();
  /** Where this page's texts are in the messages; see `TEXTS`. */
  readonly messages = input.required<AdminListMessages>();
  readonly createIcon = input.required<MaterialSymbol>();
  readonly emptyIcon = input.required<MaterialSymbol>();
  /** The create button was pressed. */
  readonly create = output();

  protected readonly text = computed(() => {
    const prefix = this.messages();
    return Object.fromEntries(TEXTS.map((text) => [text, `${prefix}.${text}`])) as Record<Text, MessageKey>;
  });
}
