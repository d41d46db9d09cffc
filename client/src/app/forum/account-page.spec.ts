import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ForumViewer } from '@hearth/contract';
import { accessibleText, buttonNamed, controlLabelled, typeInto } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { ForumAccountPage } from './account-page';
import { STAFF_VIEWER, aMember } from './forum-page-fixtures';
import { ForumViewerStore } from './forum-viewer';

@Component({ template: '' })
class Blank {}

describe(ForumAccountPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter([
          { path: 'forum/account', component: ForumAccountPage },
          { path: 'forum/sign-in', component: Blank },
          { path: 'forum/members/:username', component: Blank },
          { path: 'forum', component: Blank },
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
  const field = (label: string) => controlLabelled(page(), label) as HTMLInputElement;
  const section = (title: string) =>
    Array.from(page().querySelectorAll('section')).find((s) => s.querySelector('h2')!.textContent === title)!;
  const url = () => TestBed.inject(Router).url;

  async function openAs(viewer: ForumViewer): Promise<void> {
    const store = TestBed.inject(ForumViewerStore);
    const known = store.refresh();
    backend.expectOne('/api/forum/me').flush(viewer);
    await known;
    harness = await RouterTestingHarness.create('/forum/account');
    await settle();
  }

  it('should send an anonymous reader to sign in, and back here after', async () => {
    await openAs({ kind: 'anonymous' });

    expect(url()).toBe('/forum/sign-in?returnUrl=%2Fforum%2Faccount');
  });

  it('should tell staff that account settings are for customers', async () => {
    await openAs(STAFF_VIEWER);

    expect(url()).toBe('/forum/account');
    expect(page().querySelector('h1')!.textContent).toBe('你正以工作人员身份浏览');
  });

  it('should show the member’s own name and phone, ready to change', async () => {
    await openAs({ kind: 'member', member: aMember() });

    expect(page().querySelector('h1')!.textContent).toBe('我的账号');
    expect(field('昵称').value).toBe('王芳');
    expect(field('手机号').value).toBe('+86 139 0000 1111');
    expect(page().textContent).toContain('@wangfang');
  });

  it('should save only what changed and show it saved', async () => {
    await openAs({ kind: 'member', member: aMember() });
    typeInto(field('昵称'), ' 芳芳 ');
    buttonNamed(page(), '保存资料').click();

    const req = backend.expectOne('/api/forum/me');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ displayName: '芳芳' });
    req.flush(aMember({ displayName: '芳芳' }));
    await settle();

    expect(TestBed.inject(ForumViewerStore).member()!.displayName).toBe('芳芳');
    expect(accessibleText(section('个人资料').querySelector('[role=status]')!)).toBe('资料已保存');
  });

  it('should remove the phone number when the field is emptied', async () => {
    await openAs({ kind: 'member', member: aMember() });
    typeInto(field('手机号'), '');
    buttonNamed(page(), '保存资料').click();

    const req = backend.expectOne('/api/forum/me');
    expect(req.request.body).toEqual({ phone: null });
    req.flush(aMember({ phone: null }));
    await settle();
    expect(field('手机号').value).toBe('');
  });

  it('should say under the phone when the server finds it invalid', async () => {
    await openAs({ kind: 'member', member: aMember() });
    typeInto(field('手机号'), '12');
    buttonNamed(page(), '保存资料').click();
    const { body, opts } = apiError(400, 'forum.invalid_phone');
    backend.expectOne('/api/forum/me').flush(body, opts);
    await settle();

    expect(field('手机号').closest('mat-form-field')!.querySelector('mat-error')!.textContent).toContain('手机号格式不正确');
    expect(field('手机号').value).toBe('12');
  });

  it('should change the password with the current one, and say when that is wrong', async () => {
    await openAs({ kind: 'member', member: aMember() });
    typeInto(field('当前密码'), 'old-secret');
    typeInto(field('新密码'), 'new-secret-1');
    buttonNamed(section('修改密码'), '修改密码').click();

    const wrong = backend.expectOne('/api/forum/me');
    expect(wrong.request.body).toEqual({ currentPassword: 'old-secret', newPassword: 'new-secret-1' });
    const { body, opts } = apiError(400, 'forum.wrong_password');
    wrong.flush(body, opts);
    await settle();
    expect(field('当前密码').closest('mat-form-field')!.querySelector('mat-error')!.textContent).toContain('当前密码不正确');
    expect(field('新密码').value).toBe('new-secret-1');

    typeInto(field('当前密码'), 'right-secret');
    buttonNamed(section('修改密码'), '修改密码').click();
    backend.expectOne('/api/forum/me').flush(aMember());
    await settle();
    expect(accessibleText(section('修改密码').querySelector('[role=status]')!)).toBe('密码已修改');
    expect(field('当前密码').value).toBe('');
  });

  it('should not send a short new password', async () => {
    await openAs({ kind: 'member', member: aMember() });
    typeInto(field('当前密码'), 'old-secret');
    typeInto(field('新密码'), 'short');
    buttonNamed(section('修改密码'), '修改密码').click();
    await settle();

    backend.expectNone('/api/forum/me');
    expect(page().textContent).toContain('密码至少需要 8 位');
  });

  it('should sign out and go to the forum home', async () => {
    await openAs({ kind: 'member', member: aMember() });
    buttonNamed(section('退出登录'), '退出登录').click();
    const req = backend.expectOne('/api/forum/session');
    expect(req.request.method).toBe('DELETE');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    expect(TestBed.inject(ForumViewerStore).viewer().kind).toBe('anonymous');
    expect(url()).toBe('/forum');
  });
});
