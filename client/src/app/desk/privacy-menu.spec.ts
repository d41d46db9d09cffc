import { Component, signal } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { buttonNamed, controlLabelled, overlay, queryButtonNamed, typeInto } from '../../testing/dom';
import { apiError, signInAs, testProviders } from '../../testing/providers';
import { aStaff } from '../../testing/staff';
import { aCustomer } from '../../testing/timeline';
import { Customer } from './customer';
import { PrivacyMenu } from './privacy-menu';

const settle = () => new Promise((resolve) => setTimeout(resolve));

@Component({
  imports: [PrivacyMenu],
  template: `<app-privacy-menu [customer]="customer()" (erased)="erased.push($event)" />`,
})
class Host {
  readonly customer = signal<Customer>(aCustomer({ id: 'c-7', displayName: '王芳' }));
  readonly erased: Customer[] = [];
}

describe(PrivacyMenu.name, () => {
  let http: HttpTestingController;

  async function render(role: 'admin' | 'agent' | 'manager' = 'admin') {
    TestBed.configureTestingModule({ providers: testProviders() });
    http = TestBed.inject(HttpTestingController);
    await signInAs(aStaff({ role }));
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return fixture;
  }

  async function openMenu(root: HTMLElement) {
    buttonNamed(root, '隐私与资料').click();
    await settle();
  }

  async function openErase(root: HTMLElement): Promise<HTMLElement> {
    await openMenu(root);
    buttonNamed(overlay(), '删除顾客资料').click();
    await settle();
    return overlay().querySelector<HTMLElement>('mat-dialog-container')!;
  }

  afterEach(() => http.verify());

  it('should show nothing to anyone but admins', async () => {
    for (const role of ['agent', 'manager'] as const) {
      const fixture = await render(role);
      expect(queryButtonNamed(fixture.nativeElement, '隐私与资料')).toBeUndefined();
      TestBed.resetTestingModule();
    }
  });

  it('should offer the export as a download link of the zip', async () => {
    const fixture = await render();
    await openMenu(fixture.nativeElement);
    const link = overlay().querySelector<HTMLAnchorElement>('a[mat-menu-item]')!;
    expect(link.textContent).toContain('导出资料');
    expect(link.getAttribute('href')).toBe('/api/customers/c-7/export');
    expect(link.hasAttribute('download')).toBe(true);
  });

  it('should say what is removed and what stays, and erase only once the name is typed as shown', async () => {
    const fixture = await render();
    const dialog = await openErase(fixture.nativeElement);
    expect(dialog.textContent).toContain('删除「王芳」的资料');
    expect(dialog.textContent).toContain('会被删除');
    expect(dialog.textContent).toContain('会保留');
    expect(dialog.textContent).toContain('时间线的形状');

    const confirm = controlLabelled(dialog, '输入顾客姓名「王芳」以确认');
    const submit = buttonNamed(dialog, '永久删除');
    typeInto(confirm, '王');
    await settle();
    expect(submit.disabled).toBe(true);

    typeInto(confirm, ' 王芳 ');
    await settle();
    expect(submit.disabled).toBe(false);
    submit.click();
    const req = http.expectOne({ method: 'POST', url: '/api/customers/c-7/erase' });
    expect(req.request.body).toEqual({ confirmName: ' 王芳 ' });
    const erased = aCustomer({ id: 'c-7', displayName: '已删除的顾客', phone: null, erasedAt: '2026-11-02T08:00:00.000Z' });
    req.flush({ customer: erased, alreadyErased: false });
    await settle();

    expect(fixture.componentInstance.erased).toEqual([erased]);
    expect(overlay().querySelector('mat-dialog-container')).toBeNull();
    expect(overlay().textContent).toContain('已删除这位顾客的资料');
  });

  it('should keep the dialog open with a plain message when the server refuses the name', async () => {
    const fixture = await render();
    const dialog = await openErase(fixture.nativeElement);
    typeInto(controlLabelled(dialog, '输入顾客姓名「王芳」以确认'), '王芳');
    await settle();
    buttonNamed(dialog, '永久删除').click();
    const { body, opts } = apiError(400, 'privacy.confirm_mismatch');
    http.expectOne('/api/customers/c-7/erase').flush(body, opts);
    await settle();

    expect(dialog.querySelector('[role=alert]')!.textContent).toContain('输入的姓名和顾客当前的姓名不一致');
    expect(fixture.componentInstance.erased).toEqual([]);
  });

  it('should not offer erasing a customer who is already erased', async () => {
    const fixture = await render();
    fixture.componentInstance.customer.set(aCustomer({ id: 'c-7', erasedAt: '2026-11-02T08:00:00.000Z' }));
    await fixture.whenStable();
    await openMenu(fixture.nativeElement);
    expect(queryButtonNamed(overlay(), '删除顾客资料')).toBeUndefined();
  });
});
