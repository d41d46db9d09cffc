import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ForumViewer } from '@hearth/contract';
import { accessibleText, buttonNamed, overlay } from '../../testing/dom';
import { testProviders } from '../../testing/providers';
import { ForumShell } from './forum-shell';
import { aMember } from './forum-page-fixtures';
import { ForumViewerStore } from './forum-viewer';

@Component({ template: '<p>page</p>' })
class Page {}

describe(ForumShell.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter([
          {
            path: 'forum',
            component: ForumShell,
            children: [
              { path: '', component: Page },
              { path: 'threads/:id', component: Page },
              { path: 'account', component: Page },
              { path: 'sign-in', component: Page },
              { path: 'register', component: Page },
              { path: 'members/:username', component: Page },
            ],
          },
          { path: 'desk', component: Page },
          { path: 'store', component: Page },
        ]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const shell = (): HTMLElement => harness.fixture.nativeElement.querySelector('app-forum-shell');
  const header = () => shell().querySelector('header')!;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  };
  const linkNamed = (root: ParentNode, name: string) =>
    Array.from(root.querySelectorAll('a')).find((a) => accessibleText(a) === name);

  async function open(url: string, viewer: ForumViewer): Promise<void> {
    harness = await RouterTestingHarness.create(url);
    backend.expectOne('/api/forum/me').flush(viewer);
    await settle();
  }

  it('should name the community and link home', async () => {
    await open('/forum', { kind: 'anonymous' });

    expect(linkNamed(header(), 'Hearth 社区')!.getAttribute('href')).toBe('/forum');
    expect(header().querySelector('app-language-switch')).not.toBeNull();
  });

  it('should offer an anonymous reader sign-in and register that come back to this page', async () => {
    await open('/forum/threads/t1', { kind: 'anonymous' });

    expect(linkNamed(header(), '登录')!.getAttribute('href')).toBe('/forum/sign-in?returnUrl=%2Fforum%2Fthreads%2Ft1');
    expect(linkNamed(header(), '注册')!.getAttribute('href')).toBe('/forum/register?returnUrl=%2Fforum%2Fthreads%2Ft1');
  });

  it('should keep the original return address on the sign-in page itself', async () => {
    await open('/forum/sign-in?returnUrl=%2Fforum%2Fthreads%2Ft1', { kind: 'anonymous' });

    expect(linkNamed(header(), '注册')!.getAttribute('href')).toBe('/forum/register?returnUrl=%2Fforum%2Fthreads%2Ft1');
  });

  it('should show a member their name, fan badge and a menu with their account and sign out', async () => {
    await open('/forum/account', { kind: 'member', member: aMember({ seniorFan: true }) });

    const trigger = buttonNamed(header(), '王芳 的账号菜单');
    expect(trigger.textContent).toContain('王芳');
    expect(trigger.querySelector('.badge.fan')!.textContent).toContain('资深粉丝');
    expect(linkNamed(header(), '登录')).toBeUndefined();

    trigger.click();
    await settle();
    expect(linkNamed(overlay(), '我的账号')!.getAttribute('href')).toBe('/forum/account');
    expect(linkNamed(overlay(), '我的主页')!.getAttribute('href')).toBe('/forum/members/wangfang');

    buttonNamed(overlay(), '退出登录').click();
    const req = backend.expectOne('/api/forum/session');
    expect(req.request.method).toBe('DELETE');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    expect(TestBed.inject(ForumViewerStore).viewer().kind).toBe('anonymous');
    // The account page is for members: signing out there goes home.
    expect(TestBed.inject(Router).url).toBe('/forum');
    expect(linkNamed(header(), '登录')).toBeDefined();
  });

  it('should show staff their name with a staff badge and a way back to the desk', async () => {
    await open('/forum', { kind: 'staff', staff: { id: 's1', name: '林晓', role: 'agent', canModerate: true } });

    expect(header().querySelector('.who')!.textContent).toContain('林晓');
    expect(header().querySelector('.badge.staff')!.textContent).toContain('官方');
    expect(linkNamed(header(), '回到服务台')!.getAttribute('href')).toBe('/desk');
    expect(linkNamed(header(), '登录')).toBeUndefined();
  });

  it('should send store staff back to the store', async () => {
    await open('/forum', { kind: 'staff', staff: { id: 's2', name: '周婷', role: 'store', canModerate: false } });

    expect(linkNamed(header(), '回到服务台')!.getAttribute('href')).toBe('/store');
  });

  it('should read on as anonymous when the server cannot say who is reading', async () => {
    harness = await RouterTestingHarness.create('/forum');
    backend.expectOne('/api/forum/me').flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();

    expect(shell().textContent).toContain('page');
    expect(linkNamed(header(), '登录')).toBeDefined();
  });
});
