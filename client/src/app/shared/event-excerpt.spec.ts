import { TestBed } from '@angular/core/testing';
import type { TimelineEvent } from '@hearth/contract';
import { anEvent } from '../../testing/timeline';
import { I18n } from '../core/i18n';
import { EventExcerpt, authorName, excerptText } from './event-excerpt';

const VISIT = {
  clientId: 'v-1',
  storeId: 's-1',
  storeName: '上海静安店',
  staffName: '王磊',
  reasons: ['repair'],
  reasonText: '屏幕右下角有裂纹',
  actions: '登记送修',
  outcome: 'repair',
  followUpNote: null,
  images: [],
};

describe('event excerpts', () => {
  let i18n: I18n;
  const t = (key: Parameters<I18n['t']>[0], params?: Parameters<I18n['t']>[1]) => i18n.t(key, params);

  beforeEach(() => {
    localStorage.clear();
    i18n = TestBed.inject(I18n);
  });

  afterEach(() => i18n.setLang('zh-CN'));

  function render(event: TimelineEvent, inputs: { lines?: number; quote?: boolean } = {}): HTMLElement {
    const fixture = TestBed.createComponent(EventExcerpt);
    fixture.componentRef.setInput('event', event);
    if (inputs.lines) fixture.componentRef.setInput('lines', inputs.lines);
    if (inputs.quote) fixture.componentRef.setInput('quote', true);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('should say where a visit was, with the punctuation of the reader’s language', () => {
    const visit = anEvent(1, { kind: 'store.visit', channel: 'store', body: 'summary', details: VISIT });
    expect(excerptText(visit, t)).toBe('上海静安店：维修 — 屏幕右下角有裂纹 — 登记送修 — 送修');
    i18n.setLang('en');
    expect(excerptText(visit, t)).toMatch(/^上海静安店: Repair — 屏幕右下角有裂纹 — 登记送修 — /);
  });

  it('should name a forum post’s thread, and stand in for a picture without words', () => {
    const post = anEvent(1, { kind: 'forum.post', channel: 'forum', body: '我也遇到了', details: { threadTitle: '屏幕闪烁' } });
    expect(excerptText(post, t)).toBe('「屏幕闪烁」我也遇到了');
    expect(excerptText(anEvent(2, { body: ' ', details: { image: { url: '/x' } } }), t)).toBe('[图片]');
    expect(excerptText(anEvent(3, { body: ' 你好 ' }), t)).toBe('你好');
  });

  it('should name who wrote it, or what they are when the event names nobody', () => {
    expect(authorName({ type: 'customer', id: null, name: '王芳' }, t)).toBe('王芳');
    expect(authorName({ type: 'customer', id: null, name: null }, t)).toBe('顾客');
    expect(authorName({ type: 'system', id: null, name: null }, t)).toBe('系统');
  });

  it('should show a compact excerpt, its text clamped to the lines asked for', () => {
    const el = render(anEvent(1, { channel: 'wechat', body: '屏幕碎了' }), { lines: 3 });
    expect(el.querySelector('.author')!.textContent).toBe('王芳');
    expect(el.querySelector('.channel')!.classList).toContain('visually-hidden');
    expect(el.querySelector('.channel')!.textContent).toBe('微信');
    const text = el.querySelector<HTMLElement>('.text')!;
    expect(text.textContent).toBe('屏幕碎了');
    expect(text.classList).toContain('clamped');
    expect(text.style.getPropertyValue('--excerpt-lines')).toBe('3');
  });

  it('should read as a quotation in a story: the channel named, the text in full', () => {
    const el = render(anEvent(1, { channel: 'wechat', body: '屏幕碎了' }), { quote: true });
    expect(el.classList).toContain('quote');
    expect(el.querySelector('.channel')!.classList).not.toContain('visually-hidden');
    expect(el.querySelector('.text')!.classList).not.toContain('clamped');
  });
});
