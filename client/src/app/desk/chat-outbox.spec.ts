import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { TimelineEvent } from '@hearth/contract';
import { apiError, signInAs, testProviders } from '../../testing/providers';
import { FakeRealtime } from '../../testing/realtime';
import { aStaff } from '../../testing/staff';
import { insecureContext } from '../../testing/insecure-context';
import { anEvent } from '../../testing/timeline';
import { Auth } from '../core/auth';
import { Realtime } from '../core/realtime';
import { ChatOutbox } from './chat-outbox';

const flush = () => new Promise((resolve) => setTimeout(resolve));
const me = aStaff({ id: 'staff-me', displayName: '林晓' });

describe(ChatOutbox.name, () => {
  let realtime: FakeRealtime;

  async function start(): Promise<ChatOutbox> {
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({ providers: [...testProviders(), { provide: Realtime, useValue: realtime }] });
    await signInAs(me);
    return TestBed.inject(ChatOutbox);
  }

  const stored = (clientId: string, body = '您好'): TimelineEvent =>
    anEvent(50, { body, author: { type: 'staff', id: me.id, name: me.displayName }, details: { clientId } });

  beforeEach(() => sessionStorage.clear());

  it('should send with a client id and drop the reply once stored', async () => {
    const outbox = await start();
    const seen: TimelineEvent[] = [];
    outbox.stored$.subscribe((e) => seen.push(e));
    outbox.send('c-1', '您好');
    const { payload } = realtime.sends[0];
    expect(payload).toEqual({ customerId: 'c-1', clientId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), body: '您好' });
    expect(outbox.entries()[0].status).toBe('sending');
    realtime.sends[0].ack({ ok: true, message: stored(payload.clientId) });
    await flush();
    expect(outbox.entries()).toEqual([]);
    expect(seen.map((e) => e.id)).toEqual(['50']);
  });

  it('should send a reply from a plain-http address, where crypto.randomUUID is missing', async () => {
    const outbox = await start();
    const restore = insecureContext();
    try {
      outbox.send('c-1', '您好');
      outbox.send('c-1', '在的');
    } finally {
      restore();
    }
    const ids = realtime.sends.map((s) => s.payload.clientId);
    expect(ids).toEqual([expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/)]);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('should wait while offline and send with the same client id after reconnecting', async () => {
    const outbox = await start();
    realtime.connected.set(false);
    outbox.send('c-1', '在的');
    expect(realtime.sends).toHaveLength(0);
    expect(outbox.entries()[0].status).toBe('waiting');
    realtime.reconnect();
    expect(realtime.sends[0].payload.clientId).toBe(outbox.entries()[0].clientId);
  });

  it('should retry with the same client id after a reconnect when the ack never came', async () => {
    const outbox = await start();
    outbox.send('c-1', '在的');
    const first = realtime.sends[0];
    realtime.connected.set(false);
    first.lose();
    await flush();
    expect(outbox.entries()[0].status).toBe('waiting');
    realtime.reconnect();
    expect(realtime.sends).toHaveLength(2);
    expect(realtime.sends[1].payload).toEqual(first.payload);
  });

  it('should show why a reply was refused and retry it with the same client id', async () => {
    const outbox = await start();
    outbox.send('c-1', 'x');
    realtime.sends[0].ack({ ok: false, code: 'chat.not_found', message: '这位顾客没有网页聊天' });
    await flush();
    expect(outbox.entries()[0]).toEqual(expect.objectContaining({ status: 'failed', error: '这位顾客没有网页聊天' }));
    outbox.retry(outbox.entries()[0].clientId);
    expect(realtime.sends[1].payload.clientId).toBe(realtime.sends[0].payload.clientId);
  });

  it("should give WeChat's refusals in the reader's language, by code", async () => {
    const outbox = await start();
    outbox.send('c-1', 'x', 'wechat');
    outbox.send('c-1', 'y', 'wechat');
    outbox.send('c-1', 'z', 'wechat');
    expect(outbox.entries().map((e) => e.via)).toEqual(['wechat', 'wechat', 'wechat']);
    realtime.sends[0].ack({ ok: false, code: 'wechat.channel_disabled', message: 'This WeChat account is disconnected from Hearth.' });
    realtime.sends[1].ack({ ok: false, code: 'wechat.image_unsupported', message: 'Images cannot be sent to WeChat from the desk yet. Send text.' });
    realtime.sends[2].ack({ ok: false, code: 'wechat.something_new', message: 'Something new.' });
    await flush();
    expect(outbox.entries().map((e) => e.error)).toEqual([
      '这个公众号已断开连接，回复发不出去。请联系管理员重新连接。',
      '暂时不能从工作台给微信发图片，请发文字。',
      '回复没有发出：Something new.',
    ]);
  });

  it('should stop retrying once its own message comes back over the socket', async () => {
    const outbox = await start();
    outbox.send('c-1', '您好');
    const clientId = realtime.sends[0].payload.clientId;
    realtime.timelineEvent$.next(stored(clientId));
    expect(outbox.entries()).toEqual([]);
  });

  it('should keep unsent replies and drafts across a reload, and send them with the same client id', async () => {
    let outbox = await start();
    realtime.connected.set(false);
    outbox.send('c-1', '稍等，我查一下');
    outbox.setDraft('c-1', '还有');
    outbox.setDraft('c-2', '另一位');
    const clientId = outbox.entries()[0].clientId;

    TestBed.resetTestingModule();
    outbox = await start();

    expect(outbox.draft('c-1')).toBe('还有');
    expect(outbox.draft('c-2')).toBe('另一位');
    expect(realtime.sends.map((s) => s.payload)).toEqual([{ customerId: 'c-1', clientId, body: '稍等，我查一下' }]);
  });

  it('should upload an image, then send its id', async () => {
    const outbox = await start();
    const refused = outbox.sendImage('c-1', new File(['png'], 'a.png', { type: 'image/png' }));
    expect(outbox.entries()[0].status).toBe('uploading');
    const upload = TestBed.inject(HttpTestingController).expectOne('/api/chat/images');
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
    upload.flush({ id: 'img-1', url: '/api/chat/images/img-1', thumbUrl: '/api/chat/images/img-1/thumb', width: 10, height: 10, mime: 'image/png' });
    expect(await refused).toBeNull();
    expect(realtime.sends[0].payload).toEqual({ customerId: 'c-1', clientId: expect.any(String), imageId: 'img-1' });
  });

  it('should give the reason when an image is refused, and queue nothing', async () => {
    const outbox = await start();
    const refused = outbox.sendImage('c-1', new File(['x'], 'big.png', { type: 'image/png' }));
    const { body, opts } = apiError(413, 'image.too_large', 'The image is larger than 5 MB.');
    TestBed.inject(HttpTestingController).expectOne('/api/chat/images').flush(body, opts);
    expect(await refused).toBe('图片太大了，请换一张小一点的');
    expect(outbox.entries()).toEqual([]);
  });

  it('should show the server\'s own words for a refusal it has no translation for', async () => {
    const outbox = await start();
    const refused = outbox.sendImage('c-1', new File(['x'], 'x.bin', { type: 'image/png' }));
    const { body, opts } = apiError(415, 'image.other', 'Only JPEG, PNG, GIF and WebP images can be sent.');
    TestBed.inject(HttpTestingController).expectOne('/api/chat/images').flush(body, opts);
    expect(await refused).toBe('Only JPEG, PNG, GIF and WebP images can be sent.');
  });

  it('should forget my unsent replies and drafts when I sign out, and keep a colleague\'s', async () => {
    const colleague = { clientId: 'colleague-1', customerId: 'c-9', staffId: 'staff-other', staffName: '王芳', body: '好的', image: null, preview: null, status: 'waiting', error: null, createdAt: '2026-01-01T00:00:00.000Z' };
    sessionStorage.setItem('hearth.desk.outbox', JSON.stringify([colleague]));
    sessionStorage.setItem('hearth.desk.drafts', JSON.stringify({ 'staff-other:c-9': '稍后回复' }));
    const outbox = await start();
    realtime.connected.set(false);
    outbox.send('c-1', '稍等，我查一下');
    outbox.setDraft('c-1', '还有');

    TestBed.inject(Auth).logout().subscribe();
    TestBed.inject(HttpTestingController).expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });

    expect(JSON.parse(sessionStorage.getItem('hearth.desk.outbox')!)).toEqual([colleague]);
    expect(JSON.parse(sessionStorage.getItem('hearth.desk.drafts')!)).toEqual({ 'staff-other:c-9': '稍后回复' });
    TestBed.inject(Auth).login('lin.xiao@hearth.demo', 'hearth-demo').subscribe();
    TestBed.inject(HttpTestingController).expectOne('/api/auth/login').flush({ staff: me });
    expect(outbox.entries()).toEqual([]);
    expect(outbox.draft('c-1')).toBe('');
  });
});
