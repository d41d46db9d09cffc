import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ThemesMonth } from '@hearth/contract';
import { accessibleText, buttonNamed } from '../../testing/dom';
import { testProviders } from '../../testing/providers';
import { addMonths } from './month';
import { ThemesPage } from './themes-page';

@Component({ template: '' })
class Blank {}

const OCTOBER: ThemesMonth = {
  month: '2026-10',
  themes: [
    {
      theme: '屏幕',
      customers: 2,
      cases: [
        { id: 'c1', title: '屏幕碎了', status: 'resolved', customerName: '王芳' },
        { id: 'c2', title: '屏幕闪烁', status: 'open', customerName: '李雷' },
      ],
    },
  ],
  unthemed: 3,
};

describe(ThemesPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter([
          { path: 'stories/themes', component: ThemesPage },
          { path: 'stories/:id', component: Blank },
          { path: 'stories', component: Blank },
        ]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const page = (): HTMLElement => harness.routeNativeElement!;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  };
  /** The server's current month (its own time zone), whatever the browser's clock says. */
  const serverMonth = '2031-05';
  const defaultRequest = () => backend.expectOne((r) => r.url === '/api/themes' && r.params.keys().length === 0);

  it('should show the server’s current month by default, and not go past it', async () => {
    harness = await RouterTestingHarness.create('/stories/themes');
    defaultRequest().flush({ month: serverMonth, themes: [], unthemed: 0 });
    await settle();

    expect(page().querySelector('h1')!.textContent).toBe('本月顾客带来的事');
    expect(page().querySelector('.month')!.textContent).toBe('2031年5月');
    expect(buttonNamed(page(), '下一个月').disabled).toBe(true);
    expect(page().textContent).toContain('这个月还没有个案');
  });

  it('should step to the previous month and back through the address', async () => {
    harness = await RouterTestingHarness.create('/stories/themes');
    defaultRequest().flush({ month: serverMonth, themes: [], unthemed: 0 });
    await settle();

    buttonNamed(page(), '上一个月').click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/stories/themes?month=2031-04');
    backend.expectOne('/api/themes?month=2031-04').flush({ month: '2031-04', themes: [], unthemed: 0 });
    await settle();
    expect(page().querySelector('h1')!.textContent).toBe('2031年4月，顾客带来的事');
    expect(buttonNamed(page(), '下一个月').disabled).toBe(false);

    buttonNamed(page(), '下一个月').click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/stories/themes');
    defaultRequest().flush({ month: serverMonth, themes: [], unthemed: 0 });
  });

  it('should list each theme with how many customers came with it, and link resolved cases to their story', async () => {
    harness = await RouterTestingHarness.create('/stories/themes?month=2026-10');
    backend.expectOne('/api/themes?month=2026-10').flush(OCTOBER);
    await settle();

    expect(page().querySelector('h1')!.textContent).toBe('2026年10月，顾客带来的事');
    const theme = page().querySelector('.theme')!;
    expect(theme.querySelector('h2')!.textContent).toBe('屏幕');
    expect(theme.textContent).toContain('2 位顾客');
    const story = Array.from(theme.querySelectorAll('a')).find((a) => accessibleText(a) === '屏幕碎了')!;
    expect(story.getAttribute('href')).toBe('/stories/c1');
    expect(Array.from(theme.querySelectorAll('a')).some((a) => accessibleText(a) === '屏幕闪烁')).toBe(false);
    expect(theme.textContent).toContain('处理中');
    expect(page().querySelector('.unthemed')!.textContent).toContain('还有 3 个个案没有主题。');
  });

  it('should offer to retry when the month cannot be loaded', async () => {
    harness = await RouterTestingHarness.create('/stories/themes?month=2026-10');
    backend.expectOne('/api/themes?month=2026-10').flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();
    expect(page().querySelector('[role=alert]')!.textContent).toContain('没能加载这个月的主题。');

    buttonNamed(page(), '重试').click();
    backend.expectOne('/api/themes?month=2026-10').flush(OCTOBER);
    await settle();
    expect(page().querySelector('.theme h2')!.textContent).toBe('屏幕');
  });

  it('should count months across a year', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
  });
});
