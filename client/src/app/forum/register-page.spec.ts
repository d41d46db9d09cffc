import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { accessibleText, buttonNamed, controlLabelled, typeInto } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { aMember } from './forum-page-fixtures';
import { ForumViewerStore } from './forum-viewer';
import { ForumRegisterPage } from './register-page';

@Component({ template: '' })
class Blank {}

describe(ForumRegisterPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter([
          { path: 'forum/register', component: ForumRegisterPage },
          { path: 'forum/sign-in', component: Blank },
          { path: 'forum/boards/:slug/new', component: Blank },
          { path: 'forum', component: Blank },
        ]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/forum/register?returnUrl=%2Fforum%2Fboards%2Fhelp%2Fnew');
    await settle();
  });

  afterEach(() => backend.verify());

  const page = (): HTMLElement => harness.routeNativeElement!;
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }
  const field = (label: string) => controlLabelled(page(), label) as HTMLInputElement;
  const errorsUnder = (label: string) =>
    field(label).closest('mat-form-field')!.querySelector('mat-error')?.textContent?.trim();

  async function register(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) typeInto(field(label), value);
    buttonNamed(page(), '注册').click();
    await settle();
  }

  const filled = { 用户名: 'Lin_Xiao', '昵称（选填）': ' 小林 ', 密码: 'long-enough', '手机号（选填）': ' 139 0000 1111 ' };

  it('should explain the username rule and why a phone number helps', () => {
    const text = page().textContent!;
    expect(text).toContain('3–20 位，只能用小写字母、数字和下划线');
    expect(text).toContain('留下手机号，我们的服务人员能把你在门店和客服的记录连在一起');
    expect(text).toContain('至少 8 位');
  });

  it('should create the account, sign the member in and go back where they were heading', async () => {
    await register(filled);

    const req = backend.expectOne('/api/forum/accounts');
    expect(req.request.body).toEqual({
      username: 'lin_xiao',
      password: 'long-enough',
      displayName: '小林',
      phone: '139 0000 1111',
    });
    req.flush(aMember({ username: 'lin_xiao', displayName: '小林' }));
    await settle();

    expect(TestBed.inject(ForumViewerStore).member()?.displayName).toBe('小林');
    expect(TestBed.inject(Router).url).toBe('/forum/boards/help/new');
  });

  it('should leave the optional fields out when they are empty', async () => {
    await register({ 用户名: 'lin_xiao', 密码: 'long-enough' });

    expect(backend.expectOne('/api/forum/accounts').request.body).toEqual({ username: 'lin_xiao', password: 'long-enough' });
  });

  it('should check the rules before asking the server', async () => {
    await register({ 用户名: 'li', 密码: 'short' });

    backend.expectNone('/api/forum/accounts');
    expect(errorsUnder('用户名')).toBe('用户名需为 3–20 位小写字母、数字或下划线');
    expect(errorsUnder('密码')).toBe('密码至少需要 8 位');
  });

  it('should say under the username when it is taken, keeping everything typed', async () => {
    await register(filled);
    const { body, opts } = apiError(409, 'forum.username_taken');
    backend.expectOne('/api/forum/accounts').flush(body, opts);
    await settle();

    expect(errorsUnder('用户名')).toBe('这个用户名已经有人用了，换一个试试');
    expect(document.activeElement).toBe(field('用户名'));
    expect(field('密码').value).toBe('long-enough');
    expect(TestBed.inject(ForumViewerStore).member()).toBeNull();
  });

  it('should say under the phone when the number is not valid', async () => {
    await register(filled);
    const { body, opts } = apiError(400, 'forum.invalid_phone');
    backend.expectOne('/api/forum/accounts').flush(body, opts);
    await settle();

    expect(errorsUnder('手机号（选填）')).toBe('手机号格式不正确，请检查一下');
  });

  it('should ask to try later when registrations are rate limited', async () => {
    await register(filled);
    const { body, opts } = apiError(429, 'rate_limited');
    backend.expectOne('/api/forum/accounts').flush(body, opts);
    await settle();

    expect(accessibleText(page().querySelector('app-form-error')!)).toBe('注册太频繁了，请稍后再试');
  });

  it('should link to signing in with the same return address', () => {
    const link = Array.from(page().querySelectorAll('a')).find((a) => accessibleText(a) === '直接登录')!;
    expect(link.getAttribute('href')).toBe('/forum/sign-in?returnUrl=%2Fforum%2Fboards%2Fhelp%2Fnew');
  });
});
