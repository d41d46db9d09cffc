import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { CaseSummary, TimelineEvent } from '@hearth/contract';
import { buttonNamed, overlay, queryButtonNamed } from '../../../testing/dom';
import { anEvent } from '../../../testing/timeline';
import { TimelineItem } from '../timeline-item';
import { CaseFlow } from './case-flow';
import { CaseStore } from './case-store';
import { aCase } from './cases-fixtures';

describe('EventActions', () => {
  const flow = { openCase: jest.fn(), addToCase: jest.fn(), openPanel: jest.fn() };
  const cases = signal<CaseSummary[]>([]);

  async function render(event: TimelineEvent, onPage = true): Promise<HTMLElement> {
    const store = {
      cases,
      openCases: () => cases().filter((c) => c.status === 'open'),
      titles: () => new Map(cases().map((c) => [c.id, c.title])),
    };
    TestBed.configureTestingModule({
      providers: [
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        ...(onPage ? [{ provide: CaseFlow, useValue: flow }, { provide: CaseStore, useValue: store }] : []),
      ],
    });
    const fixture = TestBed.createComponent(TimelineItem);
    fixture.componentRef.setInput('event', event);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function openMenu(root: HTMLElement): Promise<HTMLElement> {
    buttonNamed(root, '事件操作').click();
    await new Promise((resolve) => setTimeout(resolve));
    return overlay();
  }

  beforeEach(() => {
    jest.clearAllMocks();
    overlay()?.replaceChildren();
    cases.set([aCase({ id: 'case-1', title: '屏幕碎了' }), aCase({ id: 'case-2', title: '退货', status: 'resolved' })]);
  });

  it('should open a case from an event', async () => {
    const event = anEvent(5);
    const menu = await openMenu(await render(event));
    (Array.from(menu.querySelectorAll<HTMLElement>('[role=menuitem]')).find((i) => i.textContent!.includes('开启案例')))!.click();
    expect(flow.openCase).toHaveBeenCalledWith(event);
  });

  it('should add an event to one of the open cases only', async () => {
    const event = anEvent(5);
    const menu = await openMenu(await render(event));
    (Array.from(menu.querySelectorAll<HTMLElement>('[role=menuitem]')).find((i) => i.textContent!.includes('加入案例…')))!.click();
    await new Promise((resolve) => setTimeout(resolve));
    const items = Array.from(overlay().querySelectorAll<HTMLElement>('[role=menuitem]')).map((i) => i.textContent!.trim());
    expect(items).toContain('屏幕碎了');
    expect(items).not.toContain('退货');
    Array.from(overlay().querySelectorAll<HTMLElement>('[role=menuitem]')).find((i) => i.textContent!.trim() === '屏幕碎了')!.click();
    expect(flow.addToCase).toHaveBeenCalledWith(event, 'case-1');
  });

  it('should show the case an event belongs to as a chip that opens it', async () => {
    const root = await render(anEvent(5, { caseId: 'case-1' }));
    buttonNamed(root, '案例：屏幕碎了').click();
    expect(flow.openPanel).toHaveBeenCalledWith('case-1');
  });

  it('should offer nothing off a customer page, or on an event still being saved', async () => {
    expect(queryButtonNamed(await render(anEvent(5), false), '事件操作')).toBeUndefined();
    TestBed.resetTestingModule();
    expect(queryButtonNamed(await render(anEvent('pending:abc')), '事件操作')).toBeUndefined();
  });
});
