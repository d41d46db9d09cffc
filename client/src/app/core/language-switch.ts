import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { I18n, LANGS, LANG_NAMES, Lang, TranslatePipe } from './i18n';

/**
 * A button named "语言" / "Language" that opens a menu of languages, each named in its own
 * script ("简体中文", "English"). `compact` shows only the icon.
 */
@Component({
  selector: 'app-language-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatMenuModule, TranslatePipe],
  template: `
    @if (compact()) {
      <button
        mat-icon-button
        type="button"
        class="trigger"
        [matMenuTriggerFor]="menu"
        [attr.aria-label]="'lang.label' | t"
        [attr.title]="currentName()"
      >
        <span class="material-symbols-outlined" aria-hidden="true">translate</span>
      </button>
    } @else {
      <button
        mat-button
        type="button"
        class="trigger"
        [matMenuTriggerFor]="menu"
        [attr.aria-label]="'lang.label' | t"
      >
        <span class="material-symbols-outlined" aria-hidden="true">translate</span>
        <span aria-hidden="true">{{ currentName() }}</span>
      </button>
    }
    <mat-menu #menu="matMenu" xPosition="after" yPosition="above">
      @for (lang of langs; track lang) {
        <button mat-menu-item type="button" [attr.lang]="lang" (click)="choose(lang)">
          <span class="option">
            <span class="check material-symbols-outlined" aria-hidden="true">
              {{ lang === i18n.lang() ? 'check' : '' }}
            </span>
            {{ names[lang] }}
          </span>
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .trigger {
      color: var(--mat-sys-on-surface-variant);
    }
    .option {
      display: inline-flex;
      align-items: center;
      gap: var(--hearth-space-2);
    }
    .check {
      width: 20px;
      font-size: 20px;
      color: var(--mat-sys-primary);
    }
  `,
})
export class LanguageSwitch {
  protected readonly i18n = inject(I18n);
  readonly compact = input(false);

  protected readonly langs = LANGS;
  protected readonly names = LANG_NAMES;
  protected readonly currentName = computed(() => LANG_NAMES[this.i18n.lang()]);

  protected choose(lang: Lang): void {
    this.i18n.setLang(lang);
  }
}
