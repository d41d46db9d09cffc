import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { I18n, TranslatePipe } from '../../core/i18n';
import { EventExcerpt } from '../../shared/event-excerpt';
import { nameList } from '../../shared/names';
import { calendarDate, clockTime } from '../timeline-rows';
import { CaseFlow } from './case-flow';
import { CasePanelState, isCaseOwnEvent } from './case-panel-state';
import { CaseStory } from './case-story';
import { GestureCard } from './gesture-card';
import { MAX_TITLE_LENGTH } from './open-case-dialog';
import { ThemesInput } from './themes-input';

export interface CasePanelData {
  readonly caseId: string;
}

/**
 * One case in a side sheet: its title and themes, who is on it, the events it gathers from every
 * channel, its gestures, and its story with earlier versions. Live while open.
 */
@Component({
  selector: 'app-case-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    CaseStory,
    EventExcerpt,
    GestureCard,
    ThemesInput,
    TranslatePipe,
  ],
  providers: [CasePanelState],
  templateUrl: './case-panel.html',
  styleUrl: './case-panel.scss',
})
export class CasePanel {
  private readonly i18n = inject(I18n);
  private readonly flow = inject(CaseFlow);
  protected readonly panel = inject(CasePanelState);
  readonly caseId = inject<CasePanelData>(MAT_DIALOG_DATA).caseId;
  private readonly themesInput = viewChild(ThemesInput);

  protected readonly detail = this.panel.detail;
  protected readonly editing = signal(false);
  protected readonly draftTitle = signal('');
  protected readonly draftThemes = signal<readonly string[]>([]);
  protected readonly maxTitle = MAX_TITLE_LENGTH;

  protected readonly onItNames = computed(() => nameList(this.detail()?.onIt ?? [], this.i18n));
  /** The events gathered into the case; its own entries (opened, story, gestures) show in their sections. */
  protected readonly related = computed(() => (this.detail()?.events ?? []).filter((e) => !isCaseOwnEvent(e, this.caseId)));
  protected readonly themeSuggestions = computed(() => this.detail()?.themes ?? []);

  constructor() {
    this.panel.load(this.caseId);
  }

  protected date(iso: string): string {
    const lang = this.i18n.lang();
    return `${calendarDate(iso, lang)} ${clockTime(iso, lang)}`;
  }


  protected toggleOnIt(): void {
    this.panel.setOnIt(!this.panel.onIt());
  }

  protected startEdit(): void {
    const detail = this.detail();
    if (!detail) return;
    this.draftTitle.set(detail.title);
    this.draftThemes.set(detail.themes);
    this.editing.set(true);
  }

  protected saveEdit(): void {
    const title = this.draftTitle().trim();
    const themes = this.themesInput()?.flush() ?? this.draftThemes();
    if (!title || title.length > MAX_TITLE_LENGTH) return;
    this.panel.update({ title, themes: [...themes] }).subscribe((ok) => {
      if (ok) this.editing.set(false);
    });
  }

  protected recordGesture(): void {
    const detail = this.detail();
    if (detail) this.flow.recordGesture({ id: detail.id, title: detail.title });
  }

  protected writeStory(): void {
    const detail = this.detail();
    if (!detail) return;
    this.flow.writeStory(detail).subscribe((saved) => this.panel.applyDetail(saved));
  }
}
