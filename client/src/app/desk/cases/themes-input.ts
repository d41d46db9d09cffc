import { ChangeDetectionStrategy, Component, computed, input, model, signal } from '@angular/core';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { TranslatePipe } from '../../core/i18n';

export const MAX_THEMES = 8;
export const MAX_THEME_LENGTH = 30;

/** Tidies a typed theme: trimmed, inner spaces single, at most 30 characters. */
export function cleanTheme(text: string): string {
  return text.trim().replace(/\s+/g, ' ').slice(0, MAX_THEME_LENGTH);
}

/** Themes (free tags) as chips: type and press Enter or a comma, or pick a suggestion. */
@Component({
  selector: 'app-themes-input',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAutocompleteModule, MatChipsModule, MatFormFieldModule, TranslatePipe],
  template: `
    <mat-form-field class="field" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid #grid [attr.aria-label]="label()">
        @for (theme of themes(); track theme) {
          <mat-chip-row (removed)="remove(theme)">
            {{ theme }}
            <button matChipRemove type="button" [attr.aria-label]="'cases.themes.remove' | t: { theme }">
              <span class="material-symbols-outlined" aria-hidden="true">close</span>
            </button>
          </mat-chip-row>
        }
        <input
          #entry
          [placeholder]="themes().length < max ? ('cases.themes.placeholder' | t) : ''"
          [disabled]="themes().length >= max"
          [maxLength]="maxLength"
          [matChipInputFor]="grid"
          [matChipInputSeparatorKeyCodes]="separators"
          [matAutocomplete]="auto"
          [value]="typed()"
          (input)="typed.set(entry.value)"
          (matChipInputTokenEnd)="addTyped($event)"
        />
      </mat-chip-grid>
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="pick($event, entry)">
        @for (theme of options(); track theme) {
          <mat-option [value]="theme">{{ theme }}</mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ 'cases.themes.hint' | t }}</mat-hint>
    </mat-form-field>
  `,
  styles: `
    .field { width: 100%; }
    mat-chip-row .material-symbols-outlined { font-size: 18px; }
  `,
})
export class ThemesInput {
  readonly themes = model<readonly string[]>([]);
  readonly label = input.required<string>();
  /** Themes to offer (e.g. the case's own, or ones used before). */
  readonly suggestions = input<readonly string[]>([]);

  protected readonly max = MAX_THEMES;
  protected readonly maxLength = MAX_THEME_LENGTH;
  /** Enter, comma, and the Chinese comma 「，」 and 「、」. */
  protected readonly separators = [13, 188];
  protected readonly typed = signal('');
  protected readonly options = computed(() => {
    const text = this.typed().trim().toLowerCase();
    const chosen = new Set(this.themes());
    return this.suggestions().filter((s) => !chosen.has(s) && (!text || s.toLowerCase().includes(text)));
  });

  /** Adds what is typed but not yet a chip: called by the form before it saves. */
  flush(): readonly string[] {
    for (const part of this.typed().split(/[，、,]/)) this.add(part);
    this.typed.set('');
    return this.themes();
  }

  protected addTyped(event: MatChipInputEvent): void {
    for (const part of event.value.split(/[，、,]/)) this.add(part);
    event.chipInput.clear();
    this.typed.set('');
  }

  protected pick(event: MatAutocompleteSelectedEvent, entry: HTMLInputElement): void {
    this.add(String(event.option.value));
    entry.value = '';
    this.typed.set('');
  }

  protected remove(theme: string): void {
    this.themes.update((list) => list.filter((t) => t !== theme));
  }

  private add(text: string): void {
    const theme = cleanTheme(text);
    if (!theme) return;
    this.themes.update((list) => (list.includes(theme) || list.length >= MAX_THEMES ? list : [...list, theme]));
  }
}
