/** The text a screen reader would read for `el`: its text without aria-hidden parts (icons). */
export function accessibleText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden=true]').forEach((hidden) => hidden.remove());
  return (el.getAttribute('aria-label') ?? clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The button inside `root` whose accessible name is exactly `name`. */
export function buttonNamed(root: ParentNode, name: string): HTMLButtonElement {
  const button = Array.from(root.querySelectorAll('button')).find((b) => accessibleText(b) === name);
  if (!button) throw new Error(`No button named "${name}"`);
  return button;
}

export function queryButtonNamed(root: ParentNode, name: string): HTMLButtonElement | undefined {
  return Array.from(root.querySelectorAll('button')).find((b) => accessibleText(b) === name);
}

/** The form control inside `root` labelled `label` (Material puts `*` after required labels). */
export function controlLabelled(root: ParentNode, label: string): HTMLElement {
  const match = Array.from(root.querySelectorAll('label')).find(
    (l) => l.textContent!.replace('*', '').trim() === label,
  );
  // Inputs are tied to their label by `for`; mat-select by `aria-labelledby`.
  const control =
    (match?.htmlFor ? document.getElementById(match.htmlFor) : null) ??
    (match?.id ? root.querySelector<HTMLElement>(`[aria-labelledby~="${match.id}"]`) : null);
  if (!control) throw new Error(`No control labelled "${label}"`);
  return control;
}

export function typeInto(input: HTMLElement, value: string): void {
  (input as HTMLInputElement).value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
}

/** The CDK overlay container, where dialogs, menus, select panels and snack bars render. */
export function overlay(): HTMLElement {
  return document.querySelector('.cdk-overlay-container') as HTMLElement;
}
