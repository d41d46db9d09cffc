import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { signInAs, testProviders } from '../../testing/providers';
import { aStaff } from '../../testing/staff';
import { AdminPage } from './admin-page';
import { adminRoutes } from './admin.routes';

describe(AdminPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [...testProviders(), provideRouter([{ path: 'admin', children: adminRoutes }])],
    });
    backend = TestBed.inject(HttpTestingController);
    await signInAs(aStaff({ role: 'admin' }));
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => backend.verify());

  const root = (): HTMLElement => harness.fixture.nativeElement;
  const tabs = () => Array.from(root().querySelectorAll<HTMLAnchorElement>('[mat-tab-link]'));
  const tabNamed = (name: string) => tabs().find((tab) => tab.textContent!.trim() === name)!;
  const heading = () => root().querySelector('h1')?.textContent?.trim();

  it('should open on the staff tab at /admin', async () => {
    await harness.navigateByUrl('/admin');
    backend.expectOne('/api/staff').flush({ staff: [] });
    await harness.fixture.whenStable();

    expect(tabs().map((tab) => tab.textContent!.trim())).toEqual(['员工', '门店', '微信公众号', '论坛版块', '审计日志']);
    expect(tabNamed('员工').getAttribute('aria-selected')).toBe('true');
    expect(tabNamed('门店').getAttribute('aria-selected')).toBe('false');
    expect(heading()).toBe('员工');
  });

  it('should show the stores at /admin/stores when the stores tab is chosen', async () => {
    await harness.navigateByUrl('/admin');
    backend.expectOne('/api/staff').flush({ staff: [] });

    tabNamed('门店').click();
    await harness.fixture.whenStable();
    backend.expectOne('/api/stores').flush({ stores: [] });
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/admin/stores');
    expect(tabNamed('门店').getAttribute('aria-selected')).toBe('true');
    expect(heading()).toBe('门店');
  });

  it('should show the WeChat accounts at /admin/wechat when that tab is chosen', async () => {
    await harness.navigateByUrl('/admin');
    backend.expectOne('/api/staff').flush({ staff: [] });

    tabNamed('微信公众号').click();
    await harness.fixture.whenStable();
    backend.expectOne('/api/channels/wechat').flush({ channels: [] });
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/admin/wechat');
    expect(tabNamed('微信公众号').getAttribute('aria-selected')).toBe('true');
    expect(heading()).toBe('微信公众号');
  });

  it('should show the forum boards, archived ones too, at /admin/forum when that tab is chosen', async () => {
    await harness.navigateByUrl('/admin');
    backend.expectOne('/api/staff').flush({ staff: [] });

    tabNamed('论坛版块').click();
    await harness.fixture.whenStable();
    backend.expectOne((req) => req.url === '/api/forum/boards' && req.params.get('all') === 'true').flush([]);
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/admin/forum');
    expect(tabNamed('论坛版块').getAttribute('aria-selected')).toBe('true');
    expect(heading()).toBe('论坛版块');
  });
});
