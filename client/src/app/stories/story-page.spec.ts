import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { accessibleText, buttonNamed, overlay, queryButtonNamed, typeInto } from '../../testing/dom';
import { apiError, signInAs, testProviders } from '../../testing/providers';
import { aStaff } from '../../testing/staff';
import type { Role } from '../core/staff';
import { aStory, aThanksNote } from './story-fixtures';
import { StoryPage } from './story-page';

@Component({ template: '' })
class Blank {}

describe(StoryPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter([
          { path: 'stories/:caseId', component: StoryPage },
          { path: 'stories', component: Blank },
          { path: 'desk/customers/:id', component: Blank },
          { path: 'print/stories', component: Blank },
        ], withComponentInputBinding()),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const page = (): HTMLElement => harness.routeNativeElement!;
  const dialog = () => overlay().querySelector<HTMLElement>('mat-dialog-container');
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  };
  const links = () => Array.from(page().querySelectorAll('a'));
  const linkNamed = (name: string) => links().find((a) => accessibleText(a) === name);

  async function openAs(role: Role, story = aStory('c1'), id = 'me'): Promise<void> {
    await signInAs(aStaff({ id, role, displayName: '周婷' }));
    harness = await RouterTestingHarness.create(`/stories/${story.caseId}`);
    backend.expectOne(`/api/stories/${story.caseId}`).flush(story);
    await settle();
  }

  it('should read as an article: needed, the customer’s words, what we did, how they felt', async () => {
    await openAs('agent');

    expect(page().querySelector('h1')!.textContent).toBe('屏幕碎了 c1');
    const headings = Array.from(page().querySelectorAll('h2')).map((h) => h.textContent!.trim());
    expect(headings).toEqual(['顾客需要什么', '我们做了什么', '顾客的感受', '小小的心意', '经过', '一起帮忙的']);
    expect(page().querySelector('.pull-quote')!.textContent).toContain('没想到你们这么快！');
    expect(page().querySelectorAll('[aria-labelledby=did-title] p')).toHaveLength(2);
    expect(page().textContent).toContain('卡片我留着呢');
    expect(page().querySelector('app-event-excerpt')!.textContent).toContain('屏幕碎了，明天还要出差怎么办');
    expect(page().querySelector('.helpers')!.textContent).toContain('林晓、王磊');
  });

  it('should offer export and print of this one story to everyone', async () => {
    await openAs('store');

    expect(linkNamed('导出 Markdown')!.getAttribute('href')).toBe('/api/stories/export.md?ids=c1&lang=zh');
    expect(linkNamed('打印')!.getAttribute('href')).toBe('/print/stories?ids=c1');
  });

  it.each<[Role, boolean]>([
    ['agent', false],
    ['store', false],
    ['manager', true],
    ['admin', true],
  ])('should let %s staff highlight and thank: %s', async (role, can) => {
    await openAs(role);

    expect(!!queryButtonNamed(page(), '设为本周故事')).toBe(can);
    expect(!!queryButtonNamed(page(), '写一句感谢')).toBe(can);
  });

  it.each<[Role, boolean]>([
    ['agent', true],
    ['manager', true],
    ['store', false],
  ])('should link %s staff to the customer’s desk page: %s', async (role, can) => {
    await openAs(role);

    const link = linkNamed('打开 王芳 的顾客页');
    expect(!!link).toBe(can);
    if (link) expect(link.getAttribute('href')).toBe('/desk/customers/cust-c1');
  });

  it('should highlight the story with a note, then offer to take it back', async () => {
    await openAs('manager');

    buttonNamed(page(), '设为本周故事').click();
    await settle();
    typeInto(dialog()!.querySelector('textarea')!, '  一张卡片的力量 ');
    buttonNamed(dialog()!, '推荐给大家').click();
    await settle();

    const req = backend.expectOne({ method: 'PUT', url: '/api/stories/c1/highlight' });
    expect(req.request.body).toEqual({ note: '一张卡片的力量' });
    req.flush(aStory('c1', { highlight: { by: { id: 'me', name: '周婷' }, at: '2026-11-20T02:00:00.000Z', note: '一张卡片的力量' } }));
    await settle();

    expect(page().querySelector('.highlight')!.textContent).toContain('本周故事');
    expect(page().querySelector('.highlight')!.textContent).toContain('一张卡片的力量');
    buttonNamed(page(), '取消本周故事').click();
    backend.expectOne({ method: 'DELETE', url: '/api/stories/c1/highlight' }).flush(aStory('c1'));
    await settle();
    expect(page().querySelector('.highlight')).toBeNull();
    expect(buttonNamed(page(), '设为本周故事')).toBeDefined();
  });

  it('should send a thank-you to a chosen helper and show it on the page', async () => {
    await openAs('manager');

    buttonNamed(page(), '写一句感谢').click();
    await settle();
    const radios = Array.from(dialog()!.querySelectorAll<HTMLInputElement>('input[type=radio]'));
    expect(radios.map((r) => accessibleText(r.closest('mat-radio-button')!))).toEqual(['林晓', '王磊']);
    buttonNamed(dialog()!, '送出感谢').click();
    await settle();
    expect(dialog()!.textContent).toContain('请选择要感谢的同事');

    radios[1].click();
    typeInto(dialog()!.querySelector('textarea')!, '谢谢你那张手写卡片');
    buttonNamed(dialog()!, '送出感谢').click();
    const req = backend.expectOne({ method: 'POST', url: '/api/stories/c1/thanks' });
    expect(req.request.body).toEqual(
      expect.objectContaining({ toStaffId: 'staff-wang', body: '谢谢你那张手写卡片', clientId: expect.any(String) }),
    );
    req.flush(aThanksNote('t1', { to: { id: 'staff-wang', name: '王磊' }, from: { id: 'me', name: '周婷' } }));
    await settle();

    expect(dialog()).toBeNull();
    expect(page().querySelector('.thanks')!.textContent).toContain('周婷 感谢 王磊');
    expect(overlay().textContent).toContain('已把感谢送给 王磊');
  });

  it('should keep the thank-you dialog open with the server’s reason when it is refused', async () => {
    await openAs('manager');
    buttonNamed(page(), '写一句感谢').click();
    await settle();
    dialog()!.querySelector<HTMLInputElement>('input[type=radio]')!.click();
    typeInto(dialog()!.querySelector('textarea')!, '谢谢');
    buttonNamed(dialog()!, '送出感谢').click();

    const { body, opts } = apiError(400, 'story.not_helper');
    backend.expectOne({ method: 'POST', url: '/api/stories/c1/thanks' }).flush(body, opts);
    await settle();

    expect(dialog()!.querySelector('[role=alert]')!.textContent).toContain('这位同事没有参与这个故事');
  });

  it('should not offer a manager to thank themself', async () => {
    await openAs('manager', aStory('c1', { helpers: [{ id: 'me', name: '周婷' }] }), 'me');

    expect(queryButtonNamed(page(), '写一句感谢')).toBeUndefined();
  });

  it('should say when the story does not exist (not resolved)', async () => {
    await signInAs(aStaff({ role: 'agent' }));
    harness = await RouterTestingHarness.create('/stories/c404');
    const { body, opts } = apiError(404, 'story.not_found');
    backend.expectOne('/api/stories/c404').flush(body, opts);
    await settle();

    expect(page().querySelector('h1')!.textContent).toBe('找不到这个故事');
    expect(linkNamed('全部故事')).toBeDefined();
  });

  it('should offer to retry when the story cannot be loaded', async () => {
    await signInAs(aStaff({ role: 'agent' }));
    harness = await RouterTestingHarness.create('/stories/c1');
    backend.expectOne('/api/stories/c1').flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();
    expect(page().querySelector('[role=alert]')!.textContent).toContain('没能加载这个故事。');

    buttonNamed(page(), '重试').click();
    backend.expectOne('/api/stories/c1').flush(aStory('c1'));
    await settle();
    expect(page().querySelector('h1')!.textContent).toBe('屏幕碎了 c1');
  });
});
