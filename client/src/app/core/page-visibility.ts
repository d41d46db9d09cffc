import { DOCUMENT, Injectable, inject, signal } from '@angular/core';

/** Whether this tab is visible: read receipts and presence depend on someone actually looking. */
@Injectable({ providedIn: 'root' })
export class PageVisibility {
  private readonly document = inject(DOCUMENT);
  private readonly state = signal(this.document.visibilityState !== 'hidden');

  readonly visible = this.state.asReadonly();

  constructor() {
    this.document.addEventListener('visibilitychange', () =>
      this.state.set(this.document.visibilityState !== 'hidden'),
    );
  }
}
