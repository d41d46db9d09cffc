import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ForumViewer } from '@hearth/contract';
import { accessibleText, buttonNamed, queryButtonNamed } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { STAFF_VIEWER, aMember, aProfile } from './forum-page-fixtures';
import { ForumViewerStore } from './forum-viewer';
import { MemberPage } from './member-page';

@Component({ template: '' })
class Blank {}

describe(MemberPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter(
          [
            { path: 'forum/members/:username', component: MemberPage },
            { path: 'forum/threads/:id', component: Blank },
            { path: 'forum/boards/:slug', component: Blank },
            { path: 'desk/customers/:id', component: Blank },
            { path: 'forum', component: Blank },
          ],
          withComponentInputBinding(),
        ),
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
  const linkNamed = (name: string) => Array.from(page().querySelectorAll('a')).find((a) => accessibleText(a) === name);

  async function openAs(viewer: ForumViewer, profile = aProfile()): Promise<void> {
    const known = TestBed.inject(ForumViewerStore).refresh();
    backend.expectOne('/api/forum/me').flush(viewer);
    await known;
    harness = await RouterTestingHarness.create(`/forum/members/${profile.username}`);
    backend.expectOne(`/api/forum/members/${profile.username}`).flush(profile);
    await settle();
  }

  it('should introduce the member: name, username, when they joined, senior fan since when', async () => {
    await openAs({ kind: 'anonymous' });

    expect(page().querySelector('h1')!.textContent).toBe('老李');
    expect(page().querySelector('.username')!.textContent).toBe('@laoli');
    expect(page().querySelector('.facts')!.textContent).toMatch(/2025年3月1日 加入/);
    expect(page().querySelector('.facts .fan')!.textContent).toMatch(/资深粉丝\s*·\s*2025年9月1日起/);
  });

  it('should list the threads they started and the questions they helped solve, without counting them', async () => {
    await openAs({ kind: 'anonymous' });

    const headings = Array.from(page().querySelectorAll('h2')).map((h) => h.textContent!.trim());
    expect(headings).toEqual(['发起的话题', '帮助过']);
    expect(page().querySelectorAll('app-forum-thread-list-item')).toHaveLength(1);
    expect(linkNamed('净水器滤芯怎么换')!.getAttribute('href')).toBe('/forum/threads/t9');
    expect(page().querySelector('.helped')!.textContent).toContain('2026年2月10日 解决');
    // Acknowledgement, not a score: no number of answers or threads anywhere in the headings.
    expect(headings.join('')).not.toMatch(/\d/);
  });

  it('should say quietly when there is nothing yet', async () => {
    await openAs({ kind: 'anonymous' }, aProfile({ seniorFan: false, fanSince: null, threads: [], helped: [] }));

    expect(page().textContent).toContain('还没有发起过话题。');
    expect(page().textContent).toContain('还没有被采纳的回答。');
    expect(page().querySelector('.facts .fan')).toBeNull();
  });

  it('should not offer staff tools to members', async () => {
    await openAs({ kind: 'member', member: aMember() });

    expect(queryButtonNamed(page(), '取消资深粉丝')).toBeUndefined();
    expect(linkNamed('在服务台查看')).toBeUndefined();
  });

  it('should let moderating staff mark and unmark a senior fan', async () => {
    await openAs(STAFF_VIEWER, aProfile({ seniorFan: false, fanSince: null, customerId: 'cust-1' }));

    buttonNamed(page(), '设为资深粉丝').click();
    const put = backend.expectOne('/api/forum/members/laoli/senior-fan');
    expect(put.request.method).toBe('PUT');
    put.flush(aProfile({ customerId: 'cust-1' }));
    await settle();
    expect(page().querySelector('.facts .fan')).not.toBeNull();

    buttonNamed(page(), '取消资深粉丝').click();
    const del = backend.expectOne('/api/forum/members/laoli/senior-fan');
    expect(del.request.method).toBe('DELETE');
    del.flush(aProfile({ seniorFan: false, fanSince: null, customerId: 'cust-1' }));
    await settle();
    expect(page().querySelector('.facts .fan')).toBeNull();
  });

  it('should link moderating staff to the member’s customer at the desk', async () => {
    await openAs(STAFF_VIEWER, aProfile({ customerId: 'cust-1' }));

    expect(linkNamed('在服务台查看')!.getAttribute('href')).toBe('/desk/customers/cust-1');
  });

  it('should keep the profile and say so when marking fails', async () => {
    await openAs(STAFF_VIEWER, aProfile({ seniorFan: false, fanSince: null, customerId: 'cust-1' }));
    buttonNamed(page(), '设为资深粉丝').click();
    const { body, opts } = apiError(403, 'auth.forbidden');
    backend.expectOne('/api/forum/members/laoli/senior-fan').flush(body, opts);
    await settle();

    expect(document.querySelector('.cdk-overlay-container')!.textContent).toContain('你没有权限执行此操作');
    expect(buttonNamed(page(), '设为资深粉丝').disabled).toBe(false);
  });

  it('should say kindly when there is no such member', async () => {
    harness = await RouterTestingHarness.create('/forum/members/nobody');
    const { body, opts } = apiError(404, 'forum.member_not_found');
    backend.expectOne('/api/forum/members/nobody').flush(body, opts);
    await settle();

    expect(page().querySelector('h1')!.textContent).toBe('找不到这位成员');
    expect(linkNamed('回到社区首页')!.getAttribute('href')).toBe('/forum');
  });
});
