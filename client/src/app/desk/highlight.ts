import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export interface TextPart {
  readonly text: string;
  readonly match: boolean;
}

/** Splits `text` around each case-insensitive occurrence of `query`. */
export function highlightParts(text: string, query: string): TextPart[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [{ text, match: false }];
  const lower = text.toLocaleLowerCase();
  const parts: TextPart[] = [];
  let from = 0;
  for (let at = lower.indexOf(q); at !== -1; at = lower.indexOf(q, at + q.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + q.length), match: true });
    from = at + q.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}

/** Text with the query marked. Built from text nodes and <mark>s, never from HTML. */
@Component({
  selector: 'app-highlight',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@for (part of parts(); track $index) {@if (part.match) {<mark>{{ part.text }}</mark>} @else {{{ part.text }}}}`,
  styles: `
    mark {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      border-radius: 3px;
      padding: 0 1px;
    }
  `,
})
export class Highlight {
  readonly text = input.required<string>();
  readonly query = input('');
  protected readonly parts = computed(() => highlightParts(this.text(), this.query()));
}
