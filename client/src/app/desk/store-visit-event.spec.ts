import { TestBed } from '@angular/core/testing';
import type { StoreVisitDetails } from '@hearth/contract';
import { accessibleText } from '../../testing/dom';
import { anEvent } from '../../testing/timeline';
import { I18n } from '../core/i18n';
import { apiPath } from './event-renderer';
import { StoreVisitEvent } from './store-visit-event';

function aVisit(overrides: Partial<StoreVisitDetails> = {}): StoreVisitDetails {
  return {
    clientId: 'visit-draft-1',
    storeId: 's-1',
    storeName: '上海静安店',
    staffName: '王磊',
    reasons: ['repair', 'question'],
    reasonText: '屏幕右下角有裂纹',
    actions: '检测后登记送修，借了一台备用机',
    outcome: 'repair',
    followUpNote: null,
    images: [],
    ...overrides,
  };
}

describe(StoreVisitEvent.name, () => {
  function render(details: Record<string, unknown>, body = '维修 · 送修 · 屏幕右下角有裂纹') {
    const fixture = TestBed.createComponent(StoreVisitEvent);
    fixture.componentRef.setInput('event', anEvent(1, { kind: 'store.visit', channel: 'store', body, details }));
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const chips = (el: HTMLElement) => Array.from(el.querySelectorAll('.reasons li')).map((li) => li.textContent!.trim());

  beforeEach(() => localStorage.clear());

  it('should show store, staff, reasons as chips, what was said and done, and the outcome', () => {
    const el = render({ ...aVisit() });
    expect(el.querySelector('.store')!.textContent).toBe('上海静安店');
    expect(el.textContent).toContain('接待：王磊');
    expect(chips(el)).toEqual(['维修', '咨询']);
    expect(el.textContent).toContain('屏幕右下角有裂纹');
    expect(el.textContent).toContain('检测后登记送修，借了一台备用机');
    expect(el.querySelector('.outcome')!.textContent).toBe('送修');
    // The body is only a search summary for such a visit: not shown twice.
    expect(el.textContent).not.toContain('维修 · 送修');
  });

  it('should name reasons and outcome in the reader’s language', () => {
    TestBed.inject(I18n).setLang('en');
    const el = render({ ...aVisit({ reasons: ['return', 'pickup'], outcome: 'browsing' }) });
    expect(chips(el)).toEqual(['Return or exchange', 'Pickup']);
    expect(el.querySelector('.outcome')!.textContent).toBe('Just browsing');
    expect(el.textContent).toContain('Served by 王磊');
  });

  it('should show a code it does not know yet as sent, never a raw key', () => {
    const el = render({ ...aVisit({ reasons: ['trade_in' as never], outcome: 'exchanged' as never }) });
    expect(chips(el)).toEqual(['trade_in']);
    expect(el.querySelector('.outcome')!.textContent).toBe('exchanged');
    expect(el.textContent).not.toContain('event.store');
  });

  it('should show photo thumbnails that open the photo, only from our own API', () => {
    const image = (id: string, url = `/api/chat/images/${id}`, thumbUrl = `${url}/thumb`) => ({
      id,
      url,
      thumbUrl,
      width: 800,
      height: 600,
      mime: 'image/jpeg',
    });
    const el = render({
      ...aVisit({
        images: [
          image('a1'),
          image('x', 'https://evil.example/a.jpg', 'https://evil.example/t.jpg'),
          image('y', '//evil.example/a.jpg'),
          image('z', 'javascript:alert(1)'),
          image('b2'),
        ],
      }),
    });
    const links = Array.from(el.querySelectorAll<HTMLAnchorElement>('.photos a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/api/chat/images/a1', '/api/chat/images/b2']);
    expect(links.map((a) => a.querySelector('img')!.getAttribute('src'))).toEqual([
      '/api/chat/images/a1/thumb',
      '/api/chat/images/b2/thumb',
    ]);
    expect(links.map((a) => accessibleText(a))).toEqual(['查看照片 1', '查看照片 2']);
  });

  it('should show the store’s note for the service team when there is one', () => {
    expect(render({ ...aVisit() }).querySelector('.follow-up')).toBeNull();
    const el = render({ ...aVisit({ outcome: 'follow_up', followUpNote: '顾客想知道维修进度，请周五前回电' }) });
    expect(el.querySelector('.outcome')!.textContent).toBe('需要回访');
    expect(el.querySelector('.follow-up')!.textContent).toContain('给服务台');
    expect(el.querySelector('.follow-up')!.textContent).toContain('顾客想知道维修进度，请周五前回电');
  });

  it('should show an older visit’s words as they are, with its body', () => {
    const el = render(
      { storeName: '上海静安店', reason: '维修', outcome: '当场解决', staffName: '王磊' },
      '检测后确认只是外屏碎裂，当场更换。',
    );
    expect(el.querySelector('.store')!.textContent).toBe('上海静安店');
    expect(el.textContent).toContain('接待：王磊');
    expect(chips(el)).toEqual(['维修']);
    expect(el.querySelector('.outcome')!.textContent).toBe('当场解决');
    expect(el.textContent).toContain('检测后确认只是外屏碎裂，当场更换。');
    TestBed.inject(I18n).setLang('en');
    const english = render({ storeName: '杭州西湖店', reason: 'Battery', outcome: 'Solved here', staffName: '赵敏' }, 'Battery health 96%.');
    expect(chips(english)).toEqual(['Battery']);
    expect(english.querySelector('.outcome')!.textContent).toBe('Solved here');
  });

  it('should show the body alone when a visit has no details', () => {
    const el = render({}, '到店咨询');
    expect(el.querySelector('.store')!.textContent).toBe('到店咨询');
    expect(el.querySelectorAll('.body')).toHaveLength(0);
  });
});

describe('apiPath', () => {
  it('should accept only paths on our own API', () => {
    expect(apiPath('/api/chat/images/3f6c/thumb')).toBe('/api/chat/images/3f6c/thumb');
    for (const url of ['https://evil.example/x', '//evil.example/api/x', '/api/../admin', '/api//x', 'javascript:alert(1)', '/other/x', '/api/x?y="', 42, null]) {
      expect(apiPath(url)).toBeNull();
    }
  });
});
