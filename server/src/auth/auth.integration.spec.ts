import { startTestApp, TestApp } from '../testing/test-app';

describe('Auth (integration)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('should sign in with the right password and set an httpOnly, SameSite session cookie', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'Admin@Hearth.demo ', password: 'hearth-demo' }).expect(200);
    expect(res.body.staff).toMatchObject({ email: 'admin@hearth.demo', role: 'admin', active: true });
    expect(res.body.staff.passwordHash).toBeUndefined();
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^hearth_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('should answer 401 with a code for a wrong password or an unknown email', async () => {
    for (const body of [
      { email: 'admin@hearth.demo', password: 'wrong-password' },
      { email: 'nobody@hearth.demo', password: 'hearth-demo' },
    ]) {
      const res = await t.http().post('/api/auth/login').send(body).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'auth.invalid_credentials' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('should refuse the 11th rapid wrong attempt from one client with 429, even with the right password', async () => {
    for (let i = 0; i < 10; i++) {
      await t.http().post('/api/auth/login').send({ email: 'admin@hearth.demo', password: `guess-${i}` }).expect(401);
    }
    const res = await t.http().post('/api/auth/login').send({ email: 'admin@hearth.demo', password: 'guess-10' }).expect(429);
    expect(res.body.code).toBe('rate_limited');
    await t.http().post('/api/auth/login').send({ email: 'admin@hearth.demo', password: 'hearth-demo' }).expect(429);
    // Someone guessing one account does not lock colleagues at the same address out of theirs.
    await t.signIn('lin.xiao@hearth.demo');
  });

  it('should not count successful sign-ins against the limit (a shop full of staff behind one address)', async () => {
    for (let i = 0; i < 12; i++) await t.signIn('lin.xiao@hearth.demo');
  });

  it('should answer /api/auth/me for a session and 401 after sign-out', async () => {
    const agent = await t.signIn('lin.xiao@hearth.demo');
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body.staff).toMatchObject({ email: 'lin.xiao@hearth.demo', role: 'agent' });
    await agent.post('/api/auth/logout').expect(204);
    const after = await agent.get('/api/auth/me').expect(401);
    expect(after.body.code).toBe('auth.required');
  });

  it('should reject a forged session cookie', async () => {
    await t.http().get('/api/auth/me').set('Cookie', 'hearth_session=forged-token').expect(401);
  });

  it('should validate the login body', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 42 }).expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/email/), expect.stringMatching(/password/)]));
  });
});
