import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { Staff } from './staff/staff.entity';
import { createPostgresDatabase, startTestApp, TestApp } from './testing/test-app';

const onSqliteOnly = process.env.DATABASE_URL ? it.skip : it;

describe('App (integration)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('should answer health once migrated', async () => {
    await t.http().get('/api/health').expect(200, { status: 'ok' });
  });

  onSqliteOnly('should run SQLite in WAL mode with synchronous=FULL', async () => {
    const ds = t.app.get(DataSource);
    expect(await ds.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await ds.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    expect(await ds.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
  });

  it('should answer malformed, oversized and mistyped bodies with JSON 4xx errors, never 500', async () => {
    const bad = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, message: 'The request body is not valid JSON.' });
    expect(bad.body.requestId).toEqual(expect.any(String));

    const big = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(JSON.stringify({ email: 'x'.repeat(300_000) }));
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('payload_too_large');

    for (const body of ['[]', 'null', '"text"', '{"email":["a"],"password":{"$gt":""}}']) {
      const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(body);
      expect([400, 401]).toContain(res.status);
      expect(res.body.code).toBeDefined();
    }
  });

  it('should echo a sane X-Request-Id and make one up otherwise', async () => {
    const given = await t.http().get('/api/health').set('X-Request-Id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.http().get('/api/health').set('X-Request-Id', 'bad id with spaces and $$$');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should answer unknown API paths with a JSON 404 and every other path with the client', async () => {
    const api = await t.http().get('/api/no-such-thing').expect(404);
    expect(api.body.code).toBe('not_found');
    const deep = await t.http().get('/desk/customers/123').expect(200);
    expect(deep.text).toContain('<app-root>');
    expect(deep.headers['cache-control']).toBe('no-cache');
  });

  it('should publish OpenAPI at /api/docs', async () => {
    await t.http().get('/api/docs').expect(200).expect(/swagger/i);
    const json = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/staff', '/api/staff/{id}']));
  });
});

describe('Demo seed (integration)', () => {
  it('should seed an empty database once and never again on restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-seed-'));
    // Both starts must see the same database: the same folder on SQLite, the same database on PostgreSQL.
    const pg = process.env.DATABASE_URL ? await createPostgresDatabase(process.env.DATABASE_URL) : undefined;
    const env: Record<string, string> = pg ? { DATABASE_URL: pg.url } : {};
    const first = await startTestApp(env, dir);
    const count = await first.app.get(DataSource).getRepository(Staff).count();
    expect(count).toBeGreaterThanOrEqual(6);
    const roles = new Set((await first.app.get(DataSource).getRepository(Staff).find()).map((s) => s.role));
    expect(roles).toEqual(new Set(['admin', 'agent', 'store', 'manager']));
    await first.close();

    const second = await startTestApp(env, dir);
    expect(await second.app.get(DataSource).getRepository(Staff).count()).toBe(count);
    await second.close();
    await pg?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should leave an empty database empty when SEED_DEMO=false', async () => {
    const t = await startTestApp({ SEED_DEMO: 'false' });
    expect(await t.app.get(DataSource).getRepository(Staff).count()).toBe(0);
    await t.close();
  });
});
