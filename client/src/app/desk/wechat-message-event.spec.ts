import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { TimelineEvent, WeChatMessageDetails } from '@hearth/contract';
import { accessibleText } from '../../testing/dom';
import { testProviders } from '../../testing/providers';
import { anEvent } from '../../testing/timeline';
import { WechatMessageEvent } from './wechat-message-event';

const base: WeChatMessageDetails = { msgType: 'text', channelId: 'ch-1', account: 'Hearth 服务号', appId: 'wx5f3c2a1b9d8e7f60', openId: 'oUser' };

describe(WechatMessageEvent.name, () => {
  let fixture: ComponentFixture<WechatMessageEvent>;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: testProviders() });
  });

  async function render(details: Partial<WeChatMessageDetails>, overrides: Partial<TimelineEvent> = {}): Promise<HTMLElement> {
    fixture = TestBed.createComponent(WechatMessageEvent);
    fixture.componentRef.setInput('event', anEvent(7, { kind: 'wechat.message', channel: 'wechat', body: '屏幕碎了', details: { ...base, ...details }, ...overrides }));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('should show the WeChat mark, the account it came through and the text', async () => {
    const root = await render({});
    expect(accessibleText(root.querySelector('.via')!)).toBe('微信来自 Hearth 服务号');
    expect(accessibleText(root.querySelector('.bubble')!)).toBe('屏幕碎了');
  });

  it("should link a photo's PicUrl (web links only) and show its MediaId", async () => {
    const root = await render({ msgType: 'image', picUrl: 'http://mmbiz.qpic.cn/x.jpg', mediaId: 'media-1' }, { body: '[图片]' });
    const link = root.querySelector<HTMLAnchorElement>('a.media-link')!;
    expect(link.href).toBe('http://mmbiz.qpic.cn/x.jpg');
    expect(link.rel).toContain('noopener');
    expect(root.textContent).toContain('素材 ID：media-1');

    const unsafe = await render({ msgType: 'image', picUrl: 'javascript:alert(1)', mediaId: 'media-2' });
    expect(unsafe.querySelector('a')).toBeNull();
    expect(unsafe.textContent).toContain('[图片]');
  });

  it("should show a voice message with WeChat's recognition", async () => {
    const root = await render({ msgType: 'voice', mediaId: 'v-1', format: 'amr', recognition: '耳机没声音了' });
    expect(accessibleText(root.querySelector('.bubble')!)).toContain('语音消息');
    expect(root.querySelector('.recognition')!.textContent).toContain('耳机没声音了');
  });

  it('should show a place, and a link with its title', async () => {
    const place = await render({ msgType: 'location', location: { x: '31.2', y: '121.4', scale: '15', label: '静安区' } });
    expect(place.textContent).toContain('静安区');
    expect(place.textContent).toContain('31.2, 121.4');
    const link = await render({ msgType: 'link', link: { title: '维修政策', description: '保修说明', url: 'https://example.com/p' } });
    expect(link.querySelector<HTMLAnchorElement>('a.title')!.textContent).toBe('维修政策');
    expect(link.textContent).toContain('保修说明');
  });

  it('should word follows, unfollows and menu taps as events, not bubbles', async () => {
    expect((await render({ msgType: 'event', event: 'subscribe' })).querySelector('.system')!.textContent).toBe('关注了公众号');
    expect((await render({ msgType: 'event', event: 'unsubscribe' })).querySelector('.system')!.textContent).toBe('取消关注了公众号');
    expect((await render({ msgType: 'event', event: 'CLICK', eventKey: 'CONTACT_US' })).querySelector('.system')!.textContent).toBe('点击了菜单 CONTACT_US');
    expect((await render({ msgType: 'event', event: 'SCAN', raw: '<xml>scan</xml>' })).querySelector('.system')!.textContent).toBe('公众号事件：SCAN');
  });

  it('should show an unknown type with its original XML', async () => {
    const root = await render({ msgType: 'unknown', rawType: 'miniprogrampage', raw: '<xml><MsgType>miniprogrampage</MsgType></xml>' });
    expect(root.textContent).toContain('暂不认识的消息类型：miniprogrampage');
    expect(root.querySelector('details pre')!.textContent).toContain('<MsgType>miniprogrampage</MsgType>');
  });

  it('should say how far a reply got, and why WeChat did not deliver one', async () => {
    const staff = { author: { type: 'staff' as const, id: 's-1', name: '林晓' } };
    expect((await render({ clientId: 'c-1', delivery: { status: 'pending' } }, staff)).querySelector('.delivery')!.textContent).toBe('发送中');
    // WeChat took it; whether the customer saw it, WeChat does not say.
    expect((await render({ clientId: 'c-1', delivery: { status: 'sent' } }, staff)).querySelector('.delivery')!.textContent).toBe('已发送');
    const failed = await render({ clientId: 'c-1', delivery: { status: 'failed', reason: 'window_closed', errcode: 45015 } }, staff);
    expect(failed.querySelector('.delivery')).toBeNull();
    const alert = failed.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('未送达：距顾客上次发消息已超过 48 小时');
    const rejected = await render({ clientId: 'c-1', delivery: { status: 'failed', reason: 'rejected', errcode: 40003 } }, staff);
    expect(rejected.querySelector('[role="alert"]')!.textContent).toContain('错误码 40003');
    const uncertain = await render({ clientId: 'c-1', delivery: { status: 'failed', reason: 'uncertain' } }, staff);
    expect(uncertain.querySelector('[role="alert"]')!.textContent).toContain('未送达：不确定是否送达');
    expect(uncertain.querySelector('[role="alert"]')!.textContent).toContain('请在微信里确认后再决定是否重发');
  });
});
