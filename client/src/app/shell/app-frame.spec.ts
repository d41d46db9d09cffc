import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { accessibleText, buttonNamed, overlay } from '../../testing/dom';
import { signInAs, testProviders } from '../../testing/providers';
import { aStaff } from '../../testing/staff';
import { routes } from '../app.routes';
import { Auth } from '../core/auth';
import { I18n } from '../core/i18n';
import { Realtime } from '../core/realtime';
import { Role } from '../core/staff';
import { FakeRealtime } from '../../testing/realtime';
import { AppFrame } from './app-frame';

describe(AppFrame.name, () => {
  let harness: RouterTestingHarness;
  let realtime: FakeRealtime;

  beforeEach(() => {
    localStorage.clear();
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({
      providers: [...testProviders(), provideRouter(routes), { provide: Realtime, useValue: realtime }],
    });
  });

  // By default a page inside the frame that asks the server nothing (the not-found page).
  async function openAs(role: Role, url = '/somewhere'): Promise<HTMLElement> {
    await signInAs(aStaff({ role, displayName: '周婷' }));
    harness = await RouterTestingHarness.create(url);
    return harness.fixture.nativeElement as HTMLElement;
  }

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  };
  const linkNames = (root: HTMLElement) =>
    Array.from(root.querySelectorAll('nav a')).map(accessibleText);

  it.each<[Role, string[]]>([
    ['agent', ['工作台', '社区', '服务故事']],
    ['store', ['门店', '社区', '服务故事']],
    ['manager', ['工作台', '社区', '服务故事']],
    ['admin', ['工作台', '门店', '社区', '服务故事', '管理']],
  ])('should show %s staff the links for their role', async (role, links) => {
    const root = await openAs(role);

    expect(linkNames(root)).toEqual(links);
  });

  it('should show who is signed in, with their role translated', async () => {
    const root = await openAs('manager');

    expect(root.querySelector('[data-testid=staff-name]')?.textContent).toBe('周婷');
    expect(root.querySelector('[data-testid=staff-role]')?.textContent).toBe('经理');
  });

  it('should mark the current page in the navigation', async () => {
    const root = await openAs('agent', '/stories');

    const current = root.querySelector('nav a[aria-current=page]');
    expect(current && accessibleText(current)).toBe('服务故事');
  });

  it('should switch to English from the language menu', async () => {
    const root = await openAs('agent');

    buttonNamed(root, '语言').click();
    await settle();
    const english = Array.from(overlay().querySelectorAll('[role=menuitem]')).find(
      (item) => accessibleText(item) === 'English',
    ) as HTMLElement;
    english.click();
    await settle();

    expect(TestBed.inject(I18n).lang()).toBe('en');
    expect(linkNames(root)).toEqual(['Desk', 'Forum', 'Stories']);
    expect(buttonNamed(root, 'Sign out')).toBeDefined();
  });

  it('should sign out through the server and return to the sign-in page', async () => {
    const root = await openAs('agent');

    buttonNamed(root, '退出登录').click();
    TestBed.inject(HttpTestingController)
      .expectOne({ method: 'POST', url: '/api/auth/logout' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    expect(TestBed.inject(Auth).signedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/login');
  });

  it('should let me say I am away from the status menu', async () => {
    const root = await openAs('agent');
    expect(realtime.presences).toEqual(['online']);

    buttonNamed(root, '我的状态').click();
    await settle();
    const away = Array.from(overlay().querySelectorAll('[role=menuitemradio]')).find(
      (item) => accessibleText(item) === '离开',
    ) as HTMLElement;
    away.click();
    await settle();

    expect(realtime.presences).toEqual(['online', 'away']);
    expect(buttonNamed(root, '我的状态').textContent).toContain('离开');
  });
});
