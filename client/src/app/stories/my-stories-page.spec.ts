import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ThanksNote } from '@hearth/contract';
import { Subject } from 'rxjs';
import { testProviders } from '../../testing/providers';
import { FakeRealtime } from '../../testing/realtime';
import { Realtime } from '../core/realtime';
import { MyStoriesPage } from './my-stories-page';
import { aStoryCard, aThanksNote } from './story-fixtures';
import { THANKS_RECEIVED, ThanksInbox } from './thanks-inbox';

describe(MyStoriesPage.name, () => {
  let backend: HttpTestingController;
  let received: Subject<ThanksNote>;

  beforeEach(() => {
    received = new Subject<ThanksNote>();
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter([]),
        { provide: Realtime, useValue: new FakeRealtime() },
        { provide: THANKS_RECEIVED, useValue: received },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function render(thanks: ThanksNote[], unseen: number) {
    const fixture = TestBed.createComponent(MyStoriesPage);
    await fixture.whenStable();
    backend.expectOne('/api/me/thanks').flush({ thanks, unseen });
    const mine = backend.expectOne((r) => r.url === '/api/stories');
    expect(mine.request.params.get('mine')).toBe('true');
    mine.flush({ stories: [aStoryCard('c1')], nextCursor: null });
    await fixture.whenStable();
    return fixture;
  }

  it('should show my thank-you notes, mark the new ones, and tell the server they are seen', async () => {
    const fixture = await render(
      [aThanksNote('t2'), aThanksNote('t1', { body: '上次也谢谢你', seenAt: '2026-11-01T00:00:00.000Z' })],
      1,
    );
    const root = fixture.nativeElement as HTMLElement;

    const notes = Array.from(root.querySelectorAll('.note'));
    expect(notes.map((n) => n.querySelector('.note-body')!.textContent)).toEqual(['谢谢你那张手写卡片', '上次也谢谢你']);
    expect(notes[0].textContent).toContain('新');
    expect(notes[0].textContent).toContain('来自 陈经理');
    expect(notes[1].querySelector('.new')).toBeNull();
    expect(backend.expectOne({ method: 'POST', url: '/api/me/thanks/seen' }).request.body).toEqual({});
    expect(TestBed.inject(ThanksInbox).unseen()).toBe(0);
    expect(root.querySelector('app-story-card h3')!.textContent).toContain('屏幕碎了 c1');
    expect(root.querySelector('app-story-card mat-checkbox')).toBeNull();
  });

  it('should not tell the server anything when every note was seen', async () => {
    const fixture = await render([aThanksNote('t1', { seenAt: '2026-11-01T00:00:00.000Z' })], 0);

    backend.expectNone('/api/me/thanks/seen');
    expect((fixture.nativeElement as HTMLElement).querySelector('.new')).toBeNull();
  });

  it('should put a note that arrives while I read at the top, and mark it seen', async () => {
    const fixture = await render([], 0);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('还没有收到感谢。');

    received.next(aThanksNote('t9', { body: '刚刚的故事写得真好' }));
    await fixture.whenStable();

    expect((fixture.nativeElement as HTMLElement).querySelector('.note-body')!.textContent).toBe('刚刚的故事写得真好');
    backend.expectOne({ method: 'POST', url: '/api/me/thanks/seen' }).flush(null, { status: 204, statusText: 'No Content' });
    expect(TestBed.inject(ThanksInbox).unseen()).toBe(0);
  });
});
