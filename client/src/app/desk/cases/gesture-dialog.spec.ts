import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { accessibleText, buttonNamed, controlLabelled, typeInto } from '../../../testing/dom';
import { apiError, testProviders } from '../../../testing/providers';
import { aGesture, anAllowance } from './cases-fixtures';
import { GestureDialog, GestureDialogData } from './gesture-dialog';

describe(GestureDialog.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<GestureDialog>;
  let close: jest.Mock;

  async function render(data: GestureDialogData = { customerId: 'c-1', caseRef: { id: 'case-1', title: '屏幕碎了' } }): Promise<HTMLElement> {
    close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close, disableClose: false } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(GestureDialog);
    await fixture.whenStable();
    http.expectOne('/api/gestures/allowance').flush(anAllowance({ allowanceCents: 30000, leftCents: 12000 }));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const radio = (root: HTMLElement, name: string) =>
    Array.from(root.querySelectorAll<HTMLInputElement>('input[type=radio]')).find((r) => accessibleText(r.closest('label')!) === name)!;
  const save = (root: HTMLElement) => buttonNamed(root, '记下心意');

  afterEach(() => http.verify());

  it('should show what is left of my allowance this month', async () => {
    const root = await render();
    expect(root.textContent).toContain('本月心意额度还剩 ¥120（共 ¥300）');
    expect(root.textContent).toContain('不需要任何人批准');
  });

  it('should offer the six kinds as large choices', async () => {
    const root = await render();
    const kinds = Array.from(root.querySelectorAll('.kind')).map((k) => accessibleText(k));
    expect(kinds).toEqual(['手写卡片', '小礼物', '免除费用', '升级', '回访电话', '其他']);
  });

  it('should send the cost typed in yuan as whole fen, for the case', async () => {
    const root = await render();
    radio(root, '小礼物').click();
    radio(root, '已送出').click();
    typeInto(controlLabelled(root, '说明'), ' 一盒新茶 ');
    typeInto(controlLabelled(root, '花费（可选）'), '45.5');
    await fixture.whenStable();
    save(root).click();
    const req = http.expectOne({ method: 'POST', url: '/api/gestures' });
    expect(req.request.body).toEqual({
      clientId: expect.any(String),
      customerId: 'c-1',
      caseId: 'case-1',
      kind: 'small_gift',
      note: '一盒新茶',
      costCents: 4550,
      status: 'given',
    });
    const saved = aGesture({ kind: 'small_gift' });
    req.flush(saved);
    expect(close).toHaveBeenCalledWith(saved);
  });

  it('should send no cost when none is typed, and no case when there is none', async () => {
    const root = await render({ customerId: 'c-1' });
    typeInto(controlLabelled(root, '说明'), '周五回个电话');
    await fixture.whenStable();
    save(root).click();
    const body = http.expectOne({ method: 'POST' }).request.body;
    expect(body.costCents).toBeNull();
    expect(body).not.toHaveProperty('caseId');
  });

  it('should stop a cost above what is left, with a clear message', async () => {
    const root = await render();
    typeInto(controlLabelled(root, '说明'), '一台新手机壳');
    typeInto(controlLabelled(root, '花费（可选）'), '120.01');
    await fixture.whenStable();
    expect(root.querySelector('.field-error')!.textContent).toContain('超过了本月剩下的额度（还剩 ¥120）');
    expect(save(root).disabled).toBe(true);
    typeInto(controlLabelled(root, '花费（可选）'), '120');
    await fixture.whenStable();
    expect(save(root).disabled).toBe(false);
  });

  it('should ask for a note and a real amount', async () => {
    const root = await render();
    typeInto(controlLabelled(root, '花费（可选）'), '12.345');
    await fixture.whenStable();
    save(root).click();
    await fixture.whenStable();
    http.expectNone({ method: 'POST' });
    const errors = Array.from(root.querySelectorAll('.field-error')).map((e) => e.textContent);
    expect(errors.join()).toContain('请写一句说明');
    expect(errors.join()).toContain('请写金额');
  });

  it('should say so when the allowance ran out meanwhile, and show what is left now', async () => {
    const root = await render();
    typeInto(controlLabelled(root, '说明'), '一束花');
    typeInto(controlLabelled(root, '花费（可选）'), '100');
    await fixture.whenStable();
    save(root).click();
    const { body, opts } = apiError(409, 'gesture.over_allowance', 'That is more than your gesture allowance has left this month (¥20.00).');
    http.expectOne({ method: 'POST' }).flush({ ...body, leftCents: '2000' }, opts);
    http.expectOne('/api/gestures/allowance').flush(anAllowance({ leftCents: 2000 }));
    await fixture.whenStable();
    expect(close).not.toHaveBeenCalled();
    expect(root.querySelector('.server-error')!.textContent).toContain('超过了本月剩下的心意额度（还剩 ¥20）');
    expect(root.textContent).toContain('还剩 ¥20');
    expect(save(root).disabled).toBe(true);
    expect((controlLabelled(root, '说明') as HTMLTextAreaElement).value).toBe('一束花');
  });
});
