import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { accessibleText, buttonNamed, controlLabelled, typeInto } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { I18n } from '../core/i18n';
import { aMember } from './forum-page-fixtures';
import { ForumViewerStore } from './forum-viewer';
import { ForumSignInPage } from './sign-in-page';

@Component({ template: '' })
class Blank {}

describe(ForumSignInPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter([
          { path: 'forum/sign-in', component: ForumSignInPage },
          { path: 'forum/register', component: Blank },
          { path: 'forum/threads/:id', component: Blank },
          { path: 'forum', component: Blank },
          { path: 'login', component: Blank },
          { path: '**', component: Blank },
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
  const url = () => TestBed.inject(Router).url;
  const alertText = () => accessibleText(page().querySelector('[role=alert]')!);
  const linkNamed = (name: string) => Array.from(page().querySelectorAll('a')).find((a) => accessibleText(a) === name);

  async function open(returnUrl = '/forum/threads/t1'): Promise<void> {
    harness = await RouterTestingHarness.create(`/forum/sign-in?returnUrl=${encodeURIComponent(returnUrl)}`);
    await settle();
  }

  async function signIn(username = 'WangFang ', password = 'secret-123', labels = ['用户名', '密码']): Promise<void> {
    typeInto(controlLabelled(page(), labels[0]), username);
    typeInto(controlLabelled(page(), labels[1]), password);
    // Enter in a field submits the form, as the button does.
    page().querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
  }

  it('should sign the member in and take them back to the thread they were reading', async () => {
    await open();
    await signIn();

    const req = backend.expectOne('/api/forum/session');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ username: 'wangfang', password: 'secret-123' });
    req.flush(aMember());
    await settle();

    expect(TestBed.inject(ForumViewerStore).member()?.username).toBe('wangfang');
    expect(url()).toBe('/forum/threads/t1');
  });

  it('should not follow a return address outside the forum', async () => {
    await open('//evil.example/steal');
    await signIn();
    backend.expectOne('/api/forum/session').flush(aMember());
    await settle();

    expect(url()).toBe('/forum');
  });

  it.each([
    ['wrong credentials (401)', apiError(401, 'forum.invalid_credentials'), '用户名或密码不正确'],
    ['too many attempts (429)', apiError(429, 'rate_limited'), '尝试次数过多，请过几分钟再试'],
    ['no connection', { body: null, opts: { status: 0, statusText: 'Unknown Error' } }, '无法连接服务器，请稍后重试'],
  ])('should explain %s and keep what was typed', async (_case, { body, opts }, message) => {
    await open();
    await signIn();
    backend.expectOne('/api/forum/session').flush(body, opts);
    await settle();

    expect(alertText()).toBe(message);
    expect((controlLabelled(page(), '用户名') as HTMLInputElement).value).toBe('WangFang ');
    expect(TestBed.inject(ForumViewerStore).member()).toBeNull();
    expect(buttonNamed(page(), '登录').disabled).toBe(false);
  });

  it('should not call the server with an empty form', async () => {
    await open();
    await signIn('', '');

    backend.expectNone('/api/forum/session');
    expect(page().textContent).toContain('请输入用户名');
    expect(page().textContent).toContain('请输入密码');
  });

  it('should link to registering (same return address) and send staff to the desk sign-in', async () => {
    await open();

    expect(linkNamed('注册一个')!.getAttribute('href')).toBe('/forum/register?returnUrl=%2Fforum%2Fthreads%2Ft1');
    expect(page().textContent).toContain('工作人员请从服务台登录');
    expect(linkNamed('去服务台登录')!.getAttribute('href')).toBe('/login?returnUrl=%2Fforum%2Fthreads%2Ft1');
  });

  it('should speak English when English is chosen', async () => {
    TestBed.inject(I18n).setLang('en');
    await open();
    await signIn('wangfang', 'secret-123', ['Username', 'Password']);
    const { body, opts } = apiError(401, 'forum.invalid_credentials');
    backend.expectOne('/api/forum/session').flush(body, opts);
    await settle();

    expect(alertText()).toBe('Wrong username or password');
  });
});
