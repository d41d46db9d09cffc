/** How Hearth opens a dialog with a form: our panel style, full width on phones, focus on the first field. */
export const FORM_DIALOG = { panelClass: 'hearth-dialog', maxWidth: '100vw', autoFocus: 'first-tabbable' } as const;
