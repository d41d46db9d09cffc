import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { apiError, signedOut, testProviders } from '../../testing/providers';
import { aStaff } from '../../testing/staff';
import { routes } from '../app.routes';
import { Auth } from '../core/auth';
import { I18n } from '../core/i18n';
import { LoginPage } from './login-page';

describe(LoginPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [...testProviders(), provideRouter(routes)] });
    backend = TestBed.inject(HttpTestingController);
    await signedOut();
    harness = await RouterTestingHarness.create('/login?returnUrl=%2Fsomewhere');
  });

  afterEach(() => backend.verify());

  const page = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const byId = <T extends HTMLElement>(id: string) => page().querySelector<T>(`#${id}`)!;
  const submitButton = () => page().querySelector<HTMLButtonElement>('button[type=submit]')!;
  const alertText = () => page().querySelector('[role=alert] [data-testid=login-error]')?.textContent?.trim();

  function type(id: string, value: string): void {
    const input = byId<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function signIn(email = 'lin.xiao@hearth.demo', password = 'hearth-demo'): Promise<void> {
    type('login-email', email);
    type('login-password', password);
    submitButton().click();
    await harness.fixture.whenStable();
  }

  function labelOf(id: string): string {
    return page().querySelector(`label[for=${id}]`)!.textContent!.replace('*', '').trim();
  }

  it('should label its fields and button in Chinese by default', () => {
    expect(labelOf('login-email')).toBe('邮箱');
    expect(labelOf('login-password')).toBe('密码');
    expect(submitButton().textContent!.trim()).toBe('登录');
  });

  it('should post the credentials and open the returnUrl once signed in', async () => {
    await signIn('  lin.xiao@hearth.demo ', 'hearth-demo');
    const req = backend.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'lin.xiao@hearth.demo', password: 'hearth-demo' });

    req.flush({ staff: aStaff({ role: 'agent' }) });
    await harness.fixture.whenStable();

    expect(TestBed.inject(Auth).signedIn()).toBe(true);
    expect(TestBed.inject(Router).url).toBe('/somewhere');
  });

  it('should show that it is busy while the request is in flight', async () => {
    await signIn();

    expect(submitButton().disabled).toBe(true);
    expect(submitButton().getAttribute('aria-busy')).toBe('true');
    backend.expectOne('/api/auth/login').flush(null, { status: 0, statusText: 'Unknown Error' });
    await harness.fixture.whenStable();
    expect(submitButton().disabled).toBe(false);
  });

  it.each([
    ['a wrong password (401)', apiError(401, 'auth.invalid_credentials'), '邮箱或密码不正确'],
    ['a disabled account', apiError(401, 'auth.account_disabled'), '该账号已停用，请联系管理员'],
    ['too many attempts (429)', apiError(429, 'rate_limited'), '尝试次数过多，请稍后再试'],
    ['a server error', apiError(500, 'internal'), '无法连接服务器，请稍后重试'],
    ['no connection', { body: null, opts: { status: 0, statusText: 'Unknown Error' } }, '无法连接服务器，请稍后重试'],
  ])('should explain %s', async (_case, { body, opts }, message) => {
    await signIn();

    backend.expectOne('/api/auth/login').flush(body, opts);
    await harness.fixture.whenStable();

    expect(alertText()).toBe(message);
    expect(TestBed.inject(Auth).signedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fsomewhere');
  });

  it('should explain errors in English when English is chosen', async () => {
    TestBed.inject(I18n).setLang('en');
    await signIn();

    const { body, opts } = apiError(401, 'auth.account_disabled');
    backend.expectOne('/api/auth/login').flush(body, opts);
    await harness.fixture.whenStable();

    expect(alertText()).toBe('This account is disabled — ask an admin');
  });

  it('should not call the server when the form is incomplete', async () => {
    await signIn('', '');

    backend.expectNone('/api/auth/login');
    expect(page().textContent).toContain('请输入邮箱');
    expect(page().textContent).toContain('请输入密码');
  });
});
