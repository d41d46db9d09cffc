import { TestBed } from '@angular/core/testing';
import { anEvent } from '../../testing/timeline';
import { ErasedEvent } from './erased-event';
import { ErasedNotice } from './erased-notice';
import { rendererForEvent } from './event-registry';
import { StoreVisitEvent } from './store-visit-event';

describe(ErasedEvent.name, () => {
  it('should draw an erased event as a tombstone whatever its kind, and others by their kind', () => {
    expect(rendererForEvent(anEvent(1, { kind: 'store.visit', body: '', details: { erased: true } }))).toBe(ErasedEvent);
    expect(rendererForEvent(anEvent(2, { kind: 'chat.message', body: '', details: { erased: true } }))).toBe(ErasedEvent);
    expect(rendererForEvent(anEvent(3, { kind: 'store.visit', details: { erased: false } }))).toBe(StoreVisitEvent);
  });

  it('should say the words were removed at the customer’s request', async () => {
    const fixture = TestBed.createComponent(ErasedEvent);
    fixture.componentRef.setInput('event', anEvent(1, { body: '', details: { erased: true } }));
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('内容已应顾客要求删除');
  });
});

describe(ErasedNotice.name, () => {
  it('should tell when the data was erased', async () => {
    const fixture = TestBed.createComponent(ErasedNotice);
    fixture.componentRef.setInput('erasedAt', '2026-11-02T08:00:00.000Z');
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement).textContent!;
    expect(text).toContain('资料已删除');
    expect(text).toContain('2026年11月2日');
  });
});
