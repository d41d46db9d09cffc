import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Realtime } from '../core/realtime';
import { accessibleText, buttonNamed, controlLabelled, typeInto } from '../../testing/dom';
import { insecureContext } from '../../testing/insecure-context';
import { apiError, signInAs, testProviders } from '../../testing/providers';
import { aStaff } from '../../testing/staff';
import { FakeRealtime, anEvent } from '../../testing/timeline';
import { NoteComposer } from './note-composer';
import { TimelineStore } from './timeline-store';

describe(NoteComposer.name, () => {
  let http: HttpTestingController;
  let store: TimelineStore;

  async function render() {
    TestBed.configureTestingModule({
      providers: [...testProviders(), TimelineStore, { provide: Realtime, useValue: new FakeRealtime() }],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(TimelineStore);
    store.open('c-1');
    http.expectOne((r) => r.url === '/api/customers/c-1/timeline').flush({ events: [anEvent(1)], nextCursor: null });
    const fixture = TestBed.createComponent(NoteComposer);
    await fixture.whenStable();
    return fixture;
  }

  it('should show the note as pending, then as the saved event', async () => {
    const fixture = await render();
    typeInto(controlLabelled(fixture.nativeElement, '添加备注'), '电话回访，已解决');
    await fixture.whenStable();
    buttonNamed(fixture.nativeElement, '保存备注').click();
    expect(store.events()[0].id).toMatch(/^pending:/);
    const req = http.expectOne('/api/customers/c-1/notes');
    req.flush({ event: anEvent(2, { kind: 'note', channel: 'desk', body: '电话回访，已解决' }) });
    expect(store.events().map((e) => e.id)).toEqual(['2', '1']);
  });

  it('should give the text back after a failure and retry with the same client id', async () => {
    const fixture = await render();
    const box = controlLabelled(fixture.nativeElement, '添加备注') as HTMLTextAreaElement;
    typeInto(box, '记得寄发票');
    await fixture.whenStable();
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }));
    const first = http.expectOne('/api/customers/c-1/notes');
    const { body, opts } = apiError(503, 'unavailable');
    first.flush(body, opts);
    await fixture.whenStable();
    expect(box.value).toBe('记得寄发票');
    expect(fixture.nativeElement.querySelector('[role=alert]').textContent).toContain('备注没有保存');
    buttonNamed(fixture.nativeElement, '保存备注').click();
    const second = http.expectOne('/api/customers/c-1/notes');
    expect(second.request.body.clientId).toBe(first.request.body.clientId);
    second.flush({ event: anEvent(2, { kind: 'note', channel: 'desk' }) });
  });

  it('should save a note from a plain-http address, where crypto.randomUUID is missing', async () => {
    const fixture = await render();
    typeInto(controlLabelled(fixture.nativeElement, '添加备注'), '到店取件');
    await fixture.whenStable();
    const restore = insecureContext();
    try {
      buttonNamed(fixture.nativeElement, '保存备注').click();
    } finally {
      restore();
    }
    const req = http.expectOne('/api/customers/c-1/notes');
    expect(req.request.body.clientId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    req.flush({ event: anEvent(2, { kind: 'note', channel: 'desk' }) });
  });

  function deskOnlyBox(root: HTMLElement): HTMLInputElement {
    const box = root.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(accessibleText(root.querySelector(`label[for="${box.id}"]`)!)).toBe('仅服务台可见');
    return box;
  }

  it('should send deskOnly when the note is for the desk team only, and show it so while saving', async () => {
    const fixture = await render();
    typeInto(controlLabelled(fixture.nativeElement, '添加备注'), '顾客提到家里的情况，门店不必知道');
    deskOnlyBox(fixture.nativeElement).click();
    await fixture.whenStable();
    buttonNamed(fixture.nativeElement, '保存备注').click();
    expect(store.events()[0].details).toEqual({ deskOnly: true });
    const req = http.expectOne('/api/customers/c-1/notes');
    expect(req.request.body).toEqual({ body: '顾客提到家里的情况，门店不必知道', clientId: expect.any(String), deskOnly: true });
    req.flush({ event: anEvent(2, { kind: 'note', channel: 'desk', details: { deskOnly: true } }) });
    await fixture.whenStable();
    // The next note starts as one the whole team reads.
    expect(deskOnlyBox(fixture.nativeElement).checked).toBe(false);
  });

  it('should not send deskOnly for a note the whole team reads', async () => {
    const fixture = await render();
    typeInto(controlLabelled(fixture.nativeElement, '添加备注'), '已寄出发票');
    await fixture.whenStable();
    buttonNamed(fixture.nativeElement, '保存备注').click();
    const req = http.expectOne('/api/customers/c-1/notes');
    expect(req.request.body).not.toHaveProperty('deskOnly');
    req.flush({ event: anEvent(2, { kind: 'note', channel: 'desk' }) });
  });

  it('should keep the desk-only choice with the text after a failure', async () => {
    const fixture = await render();
    typeInto(controlLabelled(fixture.nativeElement, '添加备注'), '只给服务台看');
    deskOnlyBox(fixture.nativeElement).click();
    await fixture.whenStable();
    buttonNamed(fixture.nativeElement, '保存备注').click();
    const { body, opts } = apiError(503, 'unavailable');
    const first = http.expectOne('/api/customers/c-1/notes');
    first.flush(body, opts);
    await fixture.whenStable();
    expect(deskOnlyBox(fixture.nativeElement).checked).toBe(true);
    buttonNamed(fixture.nativeElement, '保存备注').click();
    const second = http.expectOne('/api/customers/c-1/notes');
    expect(second.request.body).toEqual({ ...first.request.body, deskOnly: true });
    second.flush({ event: anEvent(2, { kind: 'note', channel: 'desk', details: { deskOnly: true } }) });
  });

  it('should not offer store staff to keep a note from store staff', async () => {
    const fixture = await render();
    expect(accessibleText(fixture.nativeElement)).toContain('仅服务台可见');
    await signInAs(aStaff({ role: 'store' }));
    await fixture.whenStable();
    expect(accessibleText(fixture.nativeElement)).not.toContain('仅服务台可见');
  });
});
