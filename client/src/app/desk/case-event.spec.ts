import { TestBed } from '@angular/core/testing';
import { anEvent } from '../../testing/timeline';
import { buttonNamed, queryButtonNamed } from '../../testing/dom';
import { CaseEvent } from './case-event';
import { CaseFlow } from './cases/case-flow';

describe(CaseEvent.name, () => {
  function render(overrides: Parameters<typeof anEvent>[1], flow?: Partial<CaseFlow>) {
    if (flow) TestBed.configureTestingModule({ providers: [{ provide: CaseFlow, useValue: flow }] });
    const fixture = TestBed.createComponent(CaseEvent);
    fixture.componentRef.setInput('event', anEvent(1, { channel: 'desk', caseId: 'case-1', ...overrides }));
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => localStorage.clear());

  it('should say a case was opened, with its title', () => {
    const el = render({ kind: 'case.opened', body: '屏幕碎了', details: { caseId: 'case-1', title: '屏幕碎了' } });
    expect(el.textContent).toContain('开启了案例');
    expect(el.querySelector('.title')!.textContent).toBe('屏幕碎了');
    // The title is not said twice.
    expect(el.querySelector('.body')).toBeNull();
  });

  it('should say a case was reopened', () => {
    const el = render({ kind: 'case.opened', body: '', details: { caseId: 'case-1', title: '屏幕碎了', reopened: true } });
    expect(el.textContent).toContain('重新打开了案例');
  });

  it('should tell the story of a resolved case, with its themes', () => {
    const el = render({
      kind: 'case.resolved',
      body: '顾客需要：当天修好\n我们做了：门店换屏',
      details: { caseId: 'case-1', title: '屏幕碎了', version: 1, themes: ['屏幕', '门店'] },
    });
    expect(el.textContent).toContain('案例已解决');
    expect(el.querySelector('.body')!.textContent).toContain('门店换屏');
    expect(Array.from(el.querySelectorAll('.themes li')).map((li) => li.textContent)).toEqual(['屏幕', '门店']);
  });

  it('should open the case from the event on a customer page', () => {
    const openPanel = jest.fn();
    const el = render({ kind: 'case.opened', details: { caseId: 'case-1', title: '屏幕碎了' } }, { openPanel });
    buttonNamed(el, '查看案例「屏幕碎了」').click();
    expect(openPanel).toHaveBeenCalledWith('case-1');
  });

  it('should only read elsewhere (no customer page to open the case in)', () => {
    const el = render({ kind: 'case.opened', details: { caseId: 'case-1', title: '屏幕碎了' } });
    expect(queryButtonNamed(el, '查看案例「屏幕碎了」')).toBeUndefined();
  });
});
