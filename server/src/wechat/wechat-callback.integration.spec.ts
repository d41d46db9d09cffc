import { DataSource } from 'typeorm';
import type { TimelineEvent, WeChatMessageDetails } from '../realtime/contract';
import { DEMO_WECHAT_APP_ID, DEMO_WECHAT_TOKEN } from '../seed/demo-wechat';
import { startTestApp, TestApp } from '../testing/test-app';
import { WeChatCipher } from './wechat-crypto';
import { connectChannel, encrypted, messageXml, rawAes, signedQuery, TEST_AES_KEY, TestChannel, textXml } from './testing/wechat-callbacks';

describe('WeChat callbacks (integration)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  const post = (channel: TestChannel, body: string, query: Record<string, string> = signedQuery(channel.token)) =>
    t.http().post(`/api/wechat/${channel.id}`).query(query).set('Content-Type', 'text/xml').send(body);

  async function counts() {
    const db = t.app.get(DataSource);
    const [row] = await db.query(
      `SELECT (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM customers) AS customers, (SELECT COUNT(*) FROM identities) AS identities`,
    );
    return { events: Number(row.events), customers: Number(row.customers), identities: Number(row.identities) };
  }

  async function wechatEvents(openId: string): Promise<TimelineEvent[]> {
    const lin = await t.signIn('lin.xiao@hearth.demo');
    const found = await lin.get('/api/customers').query({ q: openId }).expect(200);
    const customerId = found.body.results[0].customer.id;
    const page = await lin.get(`/api/customers/${customerId}/timeline`).query({ channels: 'wechat' }).expect(200);
    return page.body.events;
  }

  it("should answer URL verification with echostr when the signature matches, 401 otherwise", async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const channel = await connectChannel(admin);
    const ok = await t.http().get(`/api/wechat/${channel.id}`).query({ ...signedQuery(channel.token), echostr: '5837397749270283' }).expect(200);
    expect(ok.text).toBe('5837397749270283');
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    const bad = await t.http().get(`/api/wechat/${channel.id}`).query({ ...signedQuery('wrongtoken'), echostr: 'x' }).expect(401);
    expect(bad.body.code).toBe('wechat.bad_signature');
    await t.http().get(`/api/wechat/${channel.id}`).query({ echostr: 'x' }).expect(401);
    // An unknown account answers like a wrong signature: nothing is told before a signature matches.
    expect((await t.http().get('/api/wechat/00000000-0000-4000-8000-000000000000').query({ ...signedQuery('hearthtest'), echostr: 'x' }).expect(401)).body.code).toBe('wechat.bad_signature');
    await t.http().get('/api/wechat/not-an-id').query({ ...signedQuery('hearthtest'), echostr: 'x' }).expect(401);
  });

  it('should accept the check value timestamp only when the freshness window is off', async () => {
    const t2 = await startTestApp({ WECHAT_TIMESTAMP_WINDOW_SECONDS: '0' });
    try {
      const admin = await t2.signIn('admin@hearth.demo');
      const res = await admin.post('/api/channels/wechat').send({ name: 'check', appId: 'wx0123456789abcdef', appSecret: 's', token: 'test' }).expect(201);
      const query = { signature: 'f21891de399b4e33a1a93c9a7b8a8fffb5a443ff', timestamp: '1410685589', nonce: 'test', echostr: 'hello' };
      expect((await t2.http().get(`/api/wechat/${res.body.id}`).query(query).expect(200)).text).toBe('hello');
    } finally {
      await t2.close();
    }
    // With the default 5-minute window, the same (old) request is refused.
    const admin = await t.signIn('admin@hearth.demo');
    const res = await admin.post('/api/channels/wechat').send({ name: 'check', appId: 'wx0123456789abcdef', appSecret: 's', token: 'test' }).expect(201);
    const stale = await t.http().get(`/api/wechat/${res.body.id}`)
      .query({ signature: 'f21891de399b4e33a1a93c9a7b8a8fffb5a443ff', timestamp: '1410685589', nonce: 'test', echostr: 'hello' })
      .expect(401);
    expect(stale.body.code).toBe('wechat.stale_timestamp');
  });

  it('should store a plain text message on a new customer and answer success', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const channel = await connectChannel(admin);
    const res = await post(channel, textXml('oUser1a2b3F2A', '屏幕碎了怎么办', '23456789012345678901')).expect(200);
    expect(res.text).toBe('success');

    const lin = await t.signIn('lin.xiao@hearth.demo');
    const found = (await lin.get('/api/customers').query({ q: 'oUser1a2b3F2A' }).expect(200)).body.results;
    expect(found).toHaveLength(1);
    expect(found[0].customer.displayName).toBe('微信用户 3F2A');
    expect(found[0].customer.identities).toContainEqual(expect.objectContaining({ channel: `wechat:${channel.appId}`, externalId: 'oUser1a2b3F2A' }));
    const [event] = await wechatEvents('oUser1a2b3F2A');
    expect(event).toMatchObject({
      kind: 'wechat.message',
      channel: 'wechat',
      body: '屏幕碎了怎么办',
      author: { type: 'customer' },
      source: 'wechat',
      sourceId: `${channel.appId}:msg:23456789012345678901`,
      details: { msgType: 'text', channelId: channel.id, account: expect.stringContaining('测试服务号'), appId: channel.appId, openId: 'oUser1a2b3F2A', msgId: '23456789012345678901' },
    });
    const inbox = (await lin.get('/api/inbox').expect(200)).body.items;
    expect(inbox).toContainEqual(expect.objectContaining({ customerId: event.customerId, channel: 'wechat', waitingSince: expect.any(String) }));
    const conversation = (await lin.get(`/api/customers/${event.customerId}/conversation`).expect(200)).body;
    expect(conversation.replyChannel).toBe('wechat');
  });

  it('should keep every message type and event of the protocol, and unknown types raw', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const channel = await connectChannel(admin);
    const open = 'oTypes0000001';
    const base = 1_700_000_000;
    const messages: Record<string, string>[] = [
      { MsgType: 'image', PicUrl: 'http://mmbiz.qpic.cn/x.jpg', MediaId: 'media-img', MsgId: '100' },
      { MsgType: 'voice', MediaId: 'media-voice', Format: 'amr', Recognition: '我的耳机没声音了', MsgId: '101' },
      { MsgType: 'video', MediaId: 'media-video', ThumbMediaId: 'thumb-1', MsgId: '102' },
      { MsgType: 'shortvideo', MediaId: 'media-short', ThumbMediaId: 'thumb-2', MsgId: '103' },
      { MsgType: 'location', Location_X: '31.2304', Location_Y: '121.4737', Scale: '15', Label: '上海市静安区', MsgId: '104' },
      { MsgType: 'link', Title: '维修政策', Description: '保修说明', Url: 'https://example.com/p', MsgId: '105' },
      { MsgType: 'miniprogrampage', Title: '小程序', MsgId: '106' },
      { MsgType: 'event', Event: 'subscribe' },
      { MsgType: 'event', Event: 'CLICK', EventKey: 'CONTACT_US' },
      { MsgType: 'event', Event: 'VIEW', EventKey: 'https://example.com/menu', MenuId: '42' },
      { MsgType: 'event', Event: 'SCAN', EventKey: 'qr' },
      { MsgType: 'event', Event: 'unsubscribe' },
    ];
    for (const [i, fields] of messages.entries()) await post(channel, messageXml(open, fields, base + i)).expect(200);

    const events = (await wechatEvents(open)).reverse();
    expect(events).toHaveLength(messages.length);
    const details = events.map((e) => e.details as WeChatMessageDetails);
    expect(details[0]).toMatchObject({ msgType: 'image', picUrl: 'http://mmbiz.qpic.cn/x.jpg', mediaId: 'media-img' });
    expect(details[1]).toMatchObject({ msgType: 'voice', mediaId: 'media-voice', format: 'amr', recognition: '我的耳机没声音了' });
    expect(events[1].body).toContain('我的耳机没声音了');
    expect(details[2]).toMatchObject({ msgType: 'video', mediaId: 'media-video', thumbMediaId: 'thumb-1' });
    expect(details[3]).toMatchObject({ msgType: 'shortvideo', mediaId: 'media-short' });
    expect(details[4]).toMatchObject({ location: { x: '31.2304', y: '121.4737', scale: '15', label: '上海市静安区' } });
    expect(details[5]).toMatchObject({ link: { title: '维修政策', description: '保修说明', url: 'https://example.com/p' } });
    expect(details[6]).toMatchObject({ msgType: 'unknown', rawType: 'miniprogrampage', raw: expect.stringContaining('<MsgType><![CDATA[miniprogrampage]]></MsgType>') });
    expect(details.slice(7).map((d) => [d.event, d.eventKey])).toEqual([
      ['subscribe', undefined],
      ['CLICK', 'CONTACT_US'],
      ['VIEW', 'https://example.com/menu'],
      ['SCAN', 'qr'],
      ['unsubscribe', undefined],
    ]);
    expect(details[9].menuId).toBe('42');
    expect(details[10].raw).toContain('SCAN');
    expect(events[7]).toMatchObject({ body: '关注了公众号', sourceId: `${channel.appId}:event:${open}:${base + 7}:subscribe`, occurredAt: new Date((base + 7) * 1000).toISOString() });
    expect(events[8].sourceId).toBe(`${channel.appId}:event:${open}:${base + 8}:CLICK:CONTACT_US`);
  });

  it('should store a message WeChat sends three times once, and an event sent three times once', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const channel = await connectChannel(admin);
    const before = await counts();
    const xml = textXml('oRetry0000001', '在吗', '9223372036854775807');
    const event = messageXml('oRetry0000001', { MsgType: 'event', Event: 'subscribe' }, 1_700_000_123);
    await Promise.all([post(channel, xml), post(channel, xml), post(channel, xml)].map((r) => r.expect(200)));
    for (let i = 0; i < 3; i++) await post(channel, event).expect(200);
    const after = await counts();
    expect(after).toEqual({ events: before.events + 2, customers: before.customers + 1, identities: before.identities + 1 });
    const events = await wechatEvents('oRetry0000001');
    expect(events.find((e) => e.body === '在吗')?.details).toMatchObject({ msgId: '9223372036854775807' });
  });

  it('should round-trip an encrypted message in safe mode and trust only the decrypted fields', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const channel = await connectChannel(admin, { encodingAesKey: TEST_AES_KEY });
    const { query, body } = encrypted(channel, textXml('oSafe00000001', '加密的你好', '777'));
    // Compatible mode also carries plain fields beside Encrypt: they are ignored.
    const compatible = body.replace('</xml>', '<FromUserName><![CDATA[oSpoofed]]></FromUserName><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[假]]></Content></xml>');
    expect((await post(channel, compatible, query).expect(200)).text).toBe('success');
    const [event] = await wechatEvents('oSafe00000001');
    expect(event).toMatchObject({ body: '加密的你好', details: { openId: 'oSafe00000001', msgId: '777' } });
    // In safe mode the plain signature does not cover the body: a plain message is refused, stores nothing.
    const plain = await post(channel, textXml('oSafe00000001', '明文', '778')).expect(400);
    expect(plain.body.code).toBe('wechat.encryption_required');
    expect((await wechatEvents('oSafe00000001')).map((e) => e.body)).toEqual(['加密的你好']);
  });

  it('should refuse each kind of bad request with a clean 4xx and store nothing', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const plain = await connectChannel(admin);
    const safe = await connectChannel(admin, { encodingAesKey: TEST_AES_KEY });
    const xml = textXml('oBad000000001', 'hi', '555');
    const before = await counts();

    const expectError = async (res: Promise<{ status: number; body: { code: string; message: unknown } }>, status: number, code: string) => {
      const r = await res;
      expect([r.status, r.body.code]).toEqual([status, code]);
      expect(r.body.message).toEqual(expect.any(String));
    };
    await expectError(post(plain, xml, signedQuery('wrongtoken')), 401, 'wechat.bad_signature');
    await expectError(post(plain, xml, {}), 401, 'wechat.bad_signature');

    const good = encrypted(safe, xml);
    await expectError(post(safe, good.body, { ...good.query, msg_signature: '0'.repeat(40) }), 401, 'wechat.bad_signature');
    const otherApp = encrypted(safe, '', new WeChatCipher(TEST_AES_KEY, 'wx9999999999999999').encrypt(xml));
    await expectError(post(safe, otherApp.body, otherApp.query), 400, 'wechat.wrong_app_id');
    const cipher = new WeChatCipher(TEST_AES_KEY, safe.appId).encrypt(xml);
    const truncated = encrypted(safe, '', Buffer.from(cipher, 'base64').subarray(0, 32).toString('base64'));
    await expectError(post(safe, truncated.body, truncated.query), 400, 'wechat.bad_ciphertext');
    const badPadding = encrypted(safe, '', rawAes(TEST_AES_KEY, Buffer.concat([Buffer.alloc(63, 7), Buffer.from([40])])));
    await expectError(post(safe, badPadding.body, badPadding.query), 400, 'wechat.bad_ciphertext');

    const huge = textXml('oBad000000001', 'x'.repeat(70 * 1024), '556');
    await expectError(post(plain, huge), 413, 'payload_too_large');
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      '<xml><FromUserName>oBad000000001</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&lol2;</Content><MsgId>557</MsgId></xml>';
    await expectError(post(plain, bomb), 400, 'wechat.xml_doctype');
    await expectError(post(plain, '<xml><Content>unclosed</xml>'), 400, 'wechat.bad_xml');
    await expectError(post(plain, 'not xml at all'), 400, 'wechat.bad_xml');
    await expectError(post(plain, '<root><a>1</a></root>'), 400, 'wechat.bad_xml');
    await expectError(post(plain, ''), 400, 'wechat.bad_xml');
    await expectError(post(plain, '<xml><MsgType>text</MsgType><CreateTime>1</CreateTime></xml>'), 400, 'wechat.bad_message');
    await expectError(post(plain, '<xml><FromUserName>o</FromUserName><MsgType>text</MsgType><CreateTime>yesterday</CreateTime></xml>'), 400, 'wechat.bad_message');
    const json = await t.http().post(`/api/wechat/${plain.id}`).query(signedQuery(plain.token)).send({ xml: 'no' });
    expect([json.status, json.body.code]).toEqual([400, 'wechat.bad_xml']);

    expect(await counts()).toEqual(before);
  });

  it('should seed a connected demo account whose follower has WeChat messages, a forum post and a store visit', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const demo = (await admin.get('/api/channels/wechat').expect(200)).body.channels.find((c: { appId: string }) => c.appId === DEMO_WECHAT_APP_ID);
    expect(demo).toMatchObject({ name: 'Hearth 服务号', mode: 'plain', active: true });
    const lin = await t.signIn('lin.xiao@hearth.demo');
    const customer = (await lin.get('/api/customers').query({ q: '赵雪' }).expect(200)).body.results[0].customer;
    const events = (await lin.get(`/api/customers/${customer.id}/timeline`).expect(200)).body.events as TimelineEvent[];
    const kinds = events.map((e) => (e.kind === 'wechat.message' ? `wechat:${(e.details as WeChatMessageDetails).event ?? (e.details as WeChatMessageDetails).msgType}` : e.kind));
    // Her forum question (with the answers in her thread) comes from the demo forum.
    expect(kinds.filter((k) => !k.startsWith('forum.')).sort()).toEqual(['store.visit', 'wechat:image', 'wechat:subscribe', 'wechat:text', 'wechat:text', 'wechat:voice']);
    expect(events.filter((e) => e.kind === 'forum.post' && e.author.type === 'customer').map((e) => e.body)).toContain('手表充电的时候背面很烫，正常吗？');
    expect((await lin.get(`/api/customers/${customer.id}/conversation`).expect(200)).body.replyChannel).toBe('wechat');
    // The demo token signs real callbacks to the demo account.
    await post({ id: demo.id, appId: DEMO_WECHAT_APP_ID, token: DEMO_WECHAT_TOKEN }, textXml('oHearthDemo8C1D', '还有一个问题', '24011000000000099')).expect(200);
    expect((await lin.get(`/api/customers/${customer.id}/timeline`).expect(200)).body.events[0].body).toBe('还有一个问题');
  });

  it('should refuse callbacks for a disconnected account, saying so only to a caller who signed with its token', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const channel = await connectChannel(admin);
    await admin.patch(`/api/channels/wechat/${channel.id}`).send({ active: false }).expect(200);
    const res = await post(channel, textXml('oOff000000001', 'hi', '1')).expect(403);
    expect(res.body.code).toBe('wechat.channel_disabled');
    // Unsigned or wrongly signed: the same answer as for an account that does not exist.
    const unknown = await post({ ...channel, id: '00000000-0000-4000-8000-000000000000' }, textXml('oOff000000001', 'hi', '1'), signedQuery('guess')).expect(401);
    const unsigned = await post(channel, textXml('oOff000000001', 'hi', '1'), signedQuery('guess')).expect(401);
    expect([unsigned.body.code, unsigned.body.message]).toEqual([unknown.body.code, unknown.body.message]);
    await t.http().get(`/api/wechat/${channel.id}`).query({ echostr: 'x' }).expect(401);
  });

  it('should answer 401, not 500, to signatures of 40 non-ASCII or non-hex characters', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const plain = await connectChannel(admin);
    const safe = await connectChannel(admin, { encodingAesKey: TEST_AES_KEY });
    const xml = textXml('oSig000000001', 'hi', '901');
    for (const forged of ['é'.repeat(40), '签'.repeat(40), 'z'.repeat(40)]) {
      const q = signedQuery(plain.token);
      const res = await post(plain, xml, { ...q, signature: forged });
      expect([forged, res.status, res.body.code]).toEqual([forged, 401, 'wechat.bad_signature']);
      const verify = await t.http().get(`/api/wechat/${plain.id}`).query({ ...q, signature: forged, echostr: 'x' });
      expect(verify.status).toBe(401);
      const good = encrypted(safe, xml);
      const msg = await post(safe, good.body, { ...good.query, msg_signature: forged });
      expect([forged, msg.status, msg.body.code]).toEqual([forged, 401, 'wechat.bad_signature']);
    }
  });

  it('should answer 400, not 500, to XML nested too deep or with reserved names, plain or encrypted', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const plain = await connectChannel(admin);
    const safe = await connectChannel(admin, { encodingAesKey: TEST_AES_KEY });
    const before = await counts();
    const deep = `<xml>${'<a>'.repeat(150)}x${'</a>'.repeat(150)}</xml>`;
    const proto = '<xml><FromUserName>oP</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><__proto__><x>1</x></__proto__></xml>';
    const ctor = '<xml><constructor>1</constructor></xml>';
    for (const body of [deep, proto, ctor]) {
      const res = await post(plain, body);
      expect([res.status, res.body.code]).toEqual([400, 'wechat.bad_xml']);
      const enc = encrypted(safe, body);
      const res2 = await post(safe, enc.body, enc.query);
      expect([res2.status, res2.body.code]).toEqual([400, 'wechat.bad_xml']);
    }
    expect(await counts()).toEqual(before);
  });

  it('should store a message whose text holds a DOCTYPE (pasted HTML), and keep its leading and trailing spaces', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const channel = await connectChannel(admin);
    const html = '<!DOCTYPE html><html><body>订单 &amp; 发票</body></html>';
    await post(channel, textXml('oHtml00000001', html, '902')).expect(200);
    await post(channel, textXml('oHtml00000001', '  前后有空格  ', '903')).expect(200);
    const events = await wechatEvents('oHtml00000001');
    expect(events.map((e) => e.body)).toEqual(['  前后有空格  ', html]);
  });

  it('should store a follow and a menu tap in the same second as two events, and each retry of them once', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const channel = await connectChannel(admin);
    const at = 1_700_000_500;
    const subscribe = messageXml('oSameSec00001', { MsgType: 'event', Event: 'subscribe' }, at);
    const click = messageXml('oSameSec00001', { MsgType: 'event', Event: 'CLICK', EventKey: 'MENU_A' }, at);
    const click2 = messageXml('oSameSec00001', { MsgType: 'event', Event: 'CLICK', EventKey: 'MENU_B' }, at);
    for (let i = 0; i < 3; i++) for (const xml of [subscribe, click, click2]) await post(channel, xml).expect(200);
    const [row] = await t.app.get(DataSource).query(`SELECT customer_id FROM identities WHERE external_id = 'oSameSec00001'`);
    const lin = await t.signIn('lin.xiao@hearth.demo');
    const events = (await lin.get(`/api/customers/${row.customer_id}/timeline`).expect(200)).body.events as TimelineEvent[];
    expect(events.map((e) => e.body).sort()).toEqual(['关注了公众号', '点击了菜单 MENU_A', '点击了菜单 MENU_B']);
  });
});
