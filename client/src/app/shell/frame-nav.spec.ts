import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { ThanksNote } from '@hearth/contract';
import { Subject } from 'rxjs';
import { accessibleText, overlay } from '../../testing/dom';
import { signInAs, testProviders } from '../../testing/providers';
import { FakeRealtime } from '../../testing/realtime';
import { aStaff } from '../../testing/staff';
import { Realtime } from '../core/realtime';
import { aThanksNote } from '../stories/story-fixtures';
import { THANKS_RECEIVED } from '../stories/thanks-inbox';
import { FrameNav } from './frame-nav';

describe(FrameNav.name, () => {
  let backend: HttpTestingController;
  let received: Subject<ThanksNote>;
  let realtime: FakeRealtime;

  beforeEach(() => {
    received = new Subject<ThanksNote>();
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter([]),
        { provide: Realtime, useValue: realtime },
        { provide: THANKS_RECEIVED, useValue: received },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  let fixture: ComponentFixture<FrameNav>;

  async function render(unseen: number): Promise<HTMLElement> {
    await signInAs(aStaff({ role: 'agent', displayName: '林晓' }));
    fixture = TestBed.createComponent(FrameNav);
    await fixture.whenStable();
    backend.expectOne('/api/me/thanks').flush({ thanks: [], unseen });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }
  const storiesLink = (root: HTMLElement) =>
    Array.from(root.querySelectorAll('nav a')).find((a) => accessibleText(a) === '服务故事')!;
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  it('should put a dot on 服务故事 when there are thank-you notes I have not seen', async () => {
    const root = await render(2);

    const link = storiesLink(root);
    expect(link.querySelector('[data-testid=thanks-dot]')).not.toBeNull();
    expect(document.getElementById(link.getAttribute('aria-describedby')!)!.textContent).toBe('有新的感谢');
  });

  it('should show no dot when every note has been seen', async () => {
    const root = await render(0);

    expect(root.querySelector('[data-testid=thanks-dot]')).toBeNull();
    expect(storiesLink(root).hasAttribute('aria-describedby')).toBe(false);
  });

  it('should light the dot and say who thanked me when a note arrives live; 查看 opens my page', async () => {
    const root = await render(0);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);

    received.next(aThanksNote('t1', { from: { id: 'm', name: '陈经理' }, body: '谢谢你那张手写卡片' }));
    await settle();
    TestBed.tick();

    expect(root.querySelector('[data-testid=thanks-dot]')).not.toBeNull();
    expect(overlay().textContent).toContain('陈经理 感谢了你：谢谢你那张手写卡片');
    const view = Array.from(overlay().querySelectorAll('button')).find((b) => accessibleText(b) === '查看')!;
    view.click();
    expect(navigate).toHaveBeenCalledWith('/stories/mine');
  });

  it('should ask again after a reconnect, so a note that came while offline lights the dot', async () => {
    const root = await render(0);

    realtime.reconnect();
    await fixture.whenStable();
    backend.expectOne('/api/me/thanks').flush({ thanks: [], unseen: 1 });
    await fixture.whenStable();

    expect(root.querySelector('[data-testid=thanks-dot]')).not.toBeNull();
  });

  it('should not ask while the live connection is down', async () => {
    realtime.connected.set(false);
    await signInAs(aStaff({ role: 'agent' }));
    fixture = TestBed.createComponent(FrameNav);
    await fixture.whenStable();

    backend.expectNone('/api/me/thanks');
  });
});
