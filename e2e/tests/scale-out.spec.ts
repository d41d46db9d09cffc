import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';

// Two server instances on one PostgreSQL database, sharing realtime through Redis: a customer's
// web chat on instance A, an agent on instance B. Redis is restarted in the middle and no message
// is lost either way. The instances also count rate limits together in Redis. `.ci/run` installs
// and starts PostgreSQL; this file runs its own Redis.
const BASE = Number(process.env.HEARTH_E2E_PORT ?? 3210) + 30;
const A = `http://127.0.0.1:${BASE}`;
const B = `http://127.0.0.1:${BASE + 1}`;
const REDIS_PORT = BASE + 2;
const PG_ADMIN_URL = process.env.HEARTH_E2E_PG_URL ?? 'postgres://hearth:hearth@127.0.0.1:5432/hearth';
const MAIN = path.resolve(__dirname, '../../server/dist/main.js');

const children = new Set<ChildProcess>();
test.afterAll(() => children.forEach((child) => child.kill('SIGKILL')));

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startRedis(): ChildProcess {
  return track(spawn('redis-server', ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' }));
}

async function redisUp(): Promise<boolean> {
  try {
    return execFileSync('redis-cli', ['-p', String(REDIS_PORT), 'ping'], { encoding: 'utf8' }).trim() === 'PONG';
  } catch {
    return false;
  }
}

function startServer(port: number, env: Record<string, string>): ChildProcess {
  const child = track(
    spawn(process.execPath, ['--disable-warning=ExperimentalWarning', MAIN], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_LONG_HISTORY: '20', DEMO_STORIES: 'false', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[instance :${port}] ${chunk}`));
  return child;
}

const healthy = (url: string) => fetch(`${url}/api/health`).then((r) => r.ok, () => false);

function connect(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => socket.once('connect', () => resolve(socket)).once('connect_error', reject));
}

test.describe('two instances behind one PostgreSQL and Redis', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a customer on instance A and an agent on instance B chat both ways, a Redis restart loses nothing, and both count one rate limit', async () => {
    const hasRedis = (() => {
      try {
        execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    const hasPostgres = await admin.connect().then(() => true, () => false);
    test.skip(!hasRedis || !hasPostgres, 'needs redis-server and PostgreSQL (.ci/run installs and starts both)');

    const dbName = `hearth_scale_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${dbName}`);
    const dbUrl = new URL(PG_ADMIN_URL);
    dbUrl.pathname = `/${dbName}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-scale-'));
    let redis = startRedis();
    const sockets: Socket[] = [];
    try {
      await until('Redis', redisUp);
      const env = { DATABASE_URL: dbUrl.toString(), REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`, DATA_DIR: dataDir, CHAT_MESSAGES_PER_MINUTE: '10000', LOGIN_MAX_FAILURES: '4' };
      // A migrates and seeds first; B then starts on the same database.
      startServer(BASE, env);
      await until('instance A', () => healthy(A), 90_000);
      startServer(BASE + 1, env);
      await until('instance B', () => healthy(B), 90_000);

      // The customer's web chat on A.
      const { token } = (await (await fetch(`${A}/api/chat/visitor`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { token: string };
      const visitor = await connect(io(`${A}/visitor`, { transports: ['websocket'], auth: { token }, forceNew: true }));
      sockets.push(visitor);
      const visitorGot = new Set<string>();
      visitor.on('chat.message', (m: { clientId: string }) => visitorGot.add(m.clientId));

      // The agent on B, hearing of the new conversation through the desk room.
      const login = await fetch(`${B}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'lin.xiao@hearth.demo', password: 'hearth-demo' }) });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      const agent = await connect(io(B, { transports: ['websocket'], extraHeaders: { Cookie: cookie }, forceNew: true }));
      sockets.push(agent);
      const agentGot = new Set<string>();
      agent.on('timeline.event', (e: { details?: { clientId?: string } }) => e.details?.clientId && agentGot.add(e.details.clientId));
      let customerId: string | undefined;
      agent.on('inbox.changed', (item: { customerId: string }) => (customerId ??= item.customerId));

      const visitorSays = async (clientId: string) => {
        const ack = await visitor.timeout(10_000).emitWithAck('chat.send', { clientId, body: `顾客：${clientId}` });
        expect(ack.ok, JSON.stringify(ack)).toBe(true);
      };
      const agentSays = async (clientId: string) => {
        const ack = await agent.timeout(10_000).emitWithAck('chat.send', { customerId, clientId, body: `客服：${clientId}` });
        expect(ack.ok, JSON.stringify(ack)).toBe(true);
      };

      await visitorSays('visitor-hello-1');
      customerId = await until('the conversation to reach the agent on B', () => customerId);
      const watch = await agent.emitWithAck('customer.watch', { customerId });
      expect(watch.ok).toBe(true);
      await visitorSays('visitor-hello-2');
      await until('A → B', () => agentGot.has('visitor-hello-2'));
      await agentSays('agent-hello-1');
      await until('B → A', () => visitorGot.has('agent-hello-1'));

      // Redis goes away and comes back while both sides keep writing.
      redis.kill('SIGKILL');
      await exited(redis);
      const during = { visitor: ['visitor-during-1', 'visitor-during-2', 'visitor-during-3'], agent: ['agent-during-1', 'agent-during-2', 'agent-during-3'] };
      for (let i = 0; i < 3; i++) {
        await visitorSays(during.visitor[i]);
        await agentSays(during.agent[i]);
      }
      await new Promise((r) => setTimeout(r, 1_000));
      redis = startRedis();
      await until('Redis back', redisUp);

      for (const id of during.visitor) await until(`${id} on B after the restart`, () => agentGot.has(id), 30_000);
      for (const id of during.agent) await until(`${id} on A after the restart`, () => visitorGot.has(id), 30_000);

      await visitorSays('visitor-after-1');
      await agentSays('agent-after-1');
      await until('A → B after the restart', () => agentGot.has('visitor-after-1'));
      await until('B → A after the restart', () => visitorGot.has('agent-after-1'));

      // And everything is stored exactly once.
      const history = await visitor.emitWithAck('chat.history', { limit: 100 });
      const stored = history.messages.map((m: { clientId: string }) => m.clientId);
      expect(new Set(stored).size).toBe(stored.length);
      expect(stored.length).toBe(2 + 1 + 6 + 2);

      // Wrong passwords sent to both instances in turn are counted together: the fifth is refused
      // (alone, each instance would have seen only two or three).
      const signIn = (url: string) =>
        fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'chen.siyuan@hearth.demo', password: 'not-the-password' }) }).then((r) => r.status);
      const statuses = [];
      for (const url of [A, B, A, B, A, B]) statuses.push(await signIn(url));
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    } finally {
      sockets.forEach((s) => s.disconnect());
      children.forEach((child) => child.kill('SIGKILL'));
      await Promise.all([...children].map(exited));
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
