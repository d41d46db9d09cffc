import { Injectable, Injector, inject } from '@angular/core';
import { MatDialog, MatDialogConfig } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import type { CaseDetail, Gesture, TimelineEvent } from '@hearth/contract';
import { filter } from 'rxjs';
import { I18n } from '../../core/i18n';
import { FORM_DIALOG } from '../../shared/dialog-options';
import { caseErrorText } from './case-errors';
import { CasePanel, CasePanelData } from './case-panel';
import { CaseStore } from './case-store';
import { CasesApi } from './cases-api';
import { GestureDialog, GestureDialogData } from './gesture-dialog';
import { OpenCaseDialog, OpenCaseDialogData } from './open-case-dialog';
import { ReactionDialog } from './reaction-dialog';
import { ResolveDialog } from './resolve-dialog';

/** The case panel is a sheet on the right; on a narrow screen it takes the whole width. */
export const CASE_PANEL_DIALOG: MatDialogConfig = {
  panelClass: 'hearth-case-sheet',
  position: { right: '0', top: '0' },
  width: 'min(560px, 100vw)',
  maxWidth: '100vw',
  height: '100dvh',
  maxHeight: '100dvh',
  autoFocus: 'dialog',
};

/**
 * Everything a person does with cases and gestures on a customer page, from any place on it (the
 * timeline's event menus, the profile column, the case panel): each opens its dialog in the page's
 * context and hands the answer to the CaseStore. Provided per customer page.
 */
@Injectable()
export class CaseFlow {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly api = inject(CasesApi);
  private readonly store = inject(CaseStore);
  /** The page's injector: dialogs reach the page's stores through it. */
  private readonly injector = inject(Injector);
  /** On the store's tablets, dialogs get touch-sized controls (\`.store-mode\`). */
  private readonly storeMode = inject(Router).url.startsWith('/store');

  private config<D>(base: MatDialogConfig, data: D, extra: MatDialogConfig = {}): MatDialogConfig<D> {
    const panelClass = [base.panelClass ?? [], this.storeMode ? 'store-mode' : []].flat();
    return { ...base, ...extra, panelClass, data, injector: this.injector };
  }

  /** Asks for a title (and themes) and opens a case, from an event or from nothing. */
  openCase(fromEvent?: TimelineEvent): void {
    const customerId = this.store.customerId();
    if (!customerId) return;
    const data: OpenCaseDialogData = { customerId, fromEvent };
    this.dialog
      .open<OpenCaseDialog, OpenCaseDialogData, CaseDetail>(OpenCaseDialog, this.config(FORM_DIALOG, data))
      .afterClosed()
      .pipe(filter((detail): detail is CaseDetail => !!detail))
      .subscribe((detail) => {
        this.store.apply(detail);
        this.openPanel(detail.id);
      });
  }

  /** Adds an event of the timeline to an open case. */
  addToCase(event: TimelineEvent, caseId: string): void {
    this.api.attach(caseId, [event.id]).subscribe({
      next: (detail) => {
        this.store.apply(detail);
        this.tell(this.i18n.t('cases.added', { title: detail.title }));
      },
      error: (error: unknown) => this.tell(caseErrorText(error, this.i18n)),
    });
  }

  openPanel(caseId: string): void {
    const open = this.dialog.openDialogs.find((d) => d.componentInstance instanceof CasePanel);
    if (open && (open.componentInstance as CasePanel).caseId === caseId) return;
    open?.close();
    const data: CasePanelData = { caseId };
    this.dialog.open<CasePanel, CasePanelData>(CasePanel, this.config(CASE_PANEL_DIALOG, data));
  }

  /** Records a gesture, for a case or for the customer alone. Resolves with it once saved. */
  recordGesture(caseRef?: { id: string; title: string }): void {
    const customerId = this.store.customerId();
    if (!customerId) return;
    const data: GestureDialogData = { customerId, caseRef };
    this.dialog
      .open<GestureDialog, GestureDialogData, Gesture>(GestureDialog, this.config(FORM_DIALOG, data))
      .afterClosed()
      .pipe(filter((gesture): gesture is Gesture => !!gesture))
      .subscribe((gesture) => this.store.applyGesture(gesture));
  }

  /** Writes (or edits) the story of a case. Emits the case as saved. */
  writeStory(detail: CaseDetail) {
    return this.dialog
      .open<ResolveDialog, CaseDetail, CaseDetail>(ResolveDialog, this.config(FORM_DIALOG, detail, { width: 'min(640px, calc(100vw - 32px))' }))
      .afterClosed()
      .pipe(filter((saved): saved is CaseDetail => !!saved));
  }

  markGiven(gesture: Gesture): void {
    this.api.updateGesture(gesture.id, { status: 'given' }).subscribe({
      next: (saved) => this.store.applyGesture(saved),
      error: (error: unknown) => this.tell(caseErrorText(error, this.i18n)),
    });
  }

  recordReaction(gesture: Gesture): void {
    this.dialog
      .open<ReactionDialog, Gesture, Gesture>(ReactionDialog, this.config(FORM_DIALOG, gesture))
      .afterClosed()
      .pipe(filter((saved): saved is Gesture => !!saved))
      .subscribe((saved) => this.store.applyGesture(saved));
  }

  tell(message: string): void {
    this.snackBar.open(message, undefined, { duration: 5000 });
  }
}
