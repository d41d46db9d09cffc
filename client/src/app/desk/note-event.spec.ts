import { TestBed } from '@angular/core/testing';
import { anEvent } from '../../testing/timeline';
import { I18n } from '../core/i18n';
import { NoteEvent } from './note-event';

describe(NoteEvent.name, () => {
  function render(overrides: Parameters<typeof anEvent>[1] = {}) {
    const fixture = TestBed.createComponent(NoteEvent);
    fixture.componentRef.setInput('event', anEvent(1, { kind: 'note', channel: 'desk', body: '老顾客，下周回访', internal: true, ...overrides }));
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => localStorage.clear());

  it('should mark a desk-only note with a lock', () => {
    const el = render({ details: { deskOnly: true } });
    expect(el.querySelector('.desk-only')!.textContent).toContain('仅服务台可见');
    expect(el.querySelector('.desk-only .material-symbols-outlined')!.textContent).toBe('lock');
    TestBed.inject(I18n).setLang('en');
    expect(render({ details: { deskOnly: true } }).querySelector('.desk-only')!.textContent).toContain('Desk team only');
  });

  it('should not mark a note the whole team reads', () => {
    for (const details of [null, {}, { deskOnly: false }, { deskOnly: 'true' }]) {
      const el = render({ details });
      expect(el.querySelector('.desk-only')).toBeNull();
      expect(el.textContent).toContain('老顾客，下周回访');
    }
  });

  it('should also read desk-only from the event itself', () => {
    const el = render({ deskOnly: true });
    expect(el.querySelector('.desk-only')).not.toBeNull();
  });
});
