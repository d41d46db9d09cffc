import { TestBed } from '@angular/core/testing';
import { anEvent } from '../../testing/timeline';
import { I18n } from '../core/i18n';
import { GestureEvent } from './gesture-event';

describe(GestureEvent.name, () => {
  function render(details: Record<string, unknown>) {
    const fixture = TestBed.createComponent(GestureEvent);
    fixture.componentRef.setInput('event', anEvent(1, { kind: 'gesture', body: '送了一张手写卡片', details }));
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => localStorage.clear());

  it('should show a known gesture kind and status in the reader’s language', () => {
    expect(render({ gestureKind: 'fee_waived', status: 'given' }).textContent).toContain('免除费用');
    expect(render({ gestureKind: 'fee_waived', status: 'given' }).textContent).toContain('已送出');
    TestBed.inject(I18n).setLang('en');
    const el = render({ gestureKind: 'handwritten_card', status: 'planned' });
    expect(el.textContent).toContain('Handwritten card');
    expect(el.textContent).toContain('Planned');
  });

  it('should show a kind it does not know as it was sent, never a raw key', () => {
    const el = render({ gestureKind: 'balloon', status: 'given' });
    expect(el.textContent).toContain('balloon');
    expect(el.textContent).not.toContain('gesture.kind');
  });
  it('should show the cost in yuan and the customer’s reaction when there is one', () => {
    const el = render({ gestureKind: 'small_gift', status: 'given', costCents: 4550, reaction: '太贴心了' });
    expect(el.textContent).toContain('¥45.50');
    expect(el.querySelector('blockquote')!.textContent).toContain('顾客的反应');
    expect(el.querySelector('blockquote')!.textContent).toContain('太贴心了');
  });

  it('should quote the reaction once when the event is the reaction itself', () => {
    const fixture = TestBed.createComponent(GestureEvent);
    fixture.componentRef.setInput(
      'event',
      anEvent(1, { kind: 'gesture', body: '太贴心了', details: { gestureKind: 'small_gift', status: 'given', step: 'reaction', reaction: '太贴心了' } }),
    );
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent!.split('太贴心了')).toHaveLength(2);
  });

  it('should show no cost and no quote when there are none', () => {
    const el = render({ gestureKind: 'handwritten_card', status: 'planned', costCents: null });
    expect(el.textContent).not.toContain('¥');
    expect(el.querySelector('blockquote')).toBeNull();
  });
});
