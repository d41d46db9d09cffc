import type { AddressInfo } from 'node:net';
import { io } from 'socket.io-client';
import { startTestApp, TestApp } from '../testing/test-app';

describe('cross-site requests (CSRF) and socket handshakes', () => {
  let t: TestApp;
  let origin: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  const login = { email: 'lin.xiao@hearth.demo', password: 'hearth-demo' };

  it('refuses a write that a browser sends from another site, before anything happens', async () => {
    const agent = await t.signIn('lin.xiao@hearth.demo');
    const found = await agent.get('/api/customers').query({ q: '张伟' }).expect(200);
    const customerId = found.body.results[0].customer.id;
    const forged = await agent
      .post(`/api/customers/${customerId}/notes`)
      .set('Origin', 'https://evil.example')
      .send({ body: '伪造的记录', clientId: 'csrf-forged-1' })
      .expect(403);
    expect(forged.body).toMatchObject({ code: 'csrf.cross_site', message: expect.stringContaining('another site') });
    await agent.post(`/api/customers/${customerId}/notes`).set('Sec-Fetch-Site', 'cross-site').send({ body: '伪造的记录', clientId: 'csrf-forged-2' }).expect(403);
    await agent.post(`/api/customers/${customerId}/notes`).set('Origin', 'null').send({ body: '伪造的记录', clientId: 'csrf-forged-3' }).expect(403);
    const timeline = await agent.get(`/api/customers/${customerId}/timeline`).expect(200);
    expect(timeline.body.events.map((e: { body: string }) => e.body)).not.toContain('伪造的记录');

    // The same write from our own page (same origin), or from a non-browser client, goes through.
    await agent.post(`/api/customers/${customerId}/notes`).set('Origin', origin).set('Sec-Fetch-Site', 'same-origin').send({ body: '自己页面写的', clientId: 'csrf-ok-1' }).expect(201);
    await agent.post(`/api/customers/${customerId}/notes`).send({ body: '脚本写的', clientId: 'csrf-ok-2' }).expect(201);
  });

  it('leaves reads and the signed WeChat callback alone', async () => {
    await t.http().get('/api/health').set('Origin', 'https://evil.example').expect(200);
    await t.http().post('/api/auth/login').set('Origin', 'https://evil.example').send(login).expect(403);
    // WeChat's servers sign their calls instead (an unsigned one is 401, not a CSRF refusal).
    const res = await t.http().post('/api/wechat/00000000-0000-4000-8000-000000000000').set('Origin', 'https://evil.example').send('<xml></xml>');
    expect(res.status).toBe(401);
  });

  it('refuses socket handshakes from another site', async () => {
    const cookie = String((await t.http().post('/api/auth/login').send(login).expect(200)).headers['set-cookie']).split(';')[0];
    const connect = (headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const socket = io(origin, { transports: ['websocket'], extraHeaders: { Cookie: cookie, ...headers }, reconnection: false, forceNew: true });
        socket.once('connect', () => (socket.disconnect(), resolve('connected')));
        socket.once('connect_error', (err) => (socket.disconnect(), resolve(`refused: ${err.message}`)));
      });
    expect(await connect({ Origin: 'https://evil.example' })).toMatch(/^refused/);
    expect(await connect({ Origin: origin })).toBe('connected');
  });

  it('behind a trusted proxy, compares Origin with the host the browser addressed (X-Forwarded-Host)', async () => {
    const proxied = await startTestApp({ TRUST_PROXY: 'true', SEED_DEMO: 'true' });
    try {
      const write = () => proxied.http().post('/api/auth/login').set('Origin', 'https://hearth.example.com').send(login);
      await write().set('X-Forwarded-Host', 'hearth.example.com').expect(200);
      // A proxy that passes its upstream's name and no forwarded host: the browser's write looks cross-site.
      await write().set('Host', 'hearth-upstream:3000').expect(403);
    } finally {
      await proxied.close();
    }
  });
});
