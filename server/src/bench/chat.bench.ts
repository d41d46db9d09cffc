// npm run bench (chat): N web-chat visitors and M agents on loopback. For Hearth and for a bare
// socket.io + better-sqlite3 echo baseline (each server a child process of its own), prints:
// - sustained messages/s that were stored (acknowledged) and delivered to an agent, visitors
//   sending as fast as acks come back;
// - p50/p99 send-to-delivery latency at a steady 1,000 messages/s;
// - server memory with BENCH_IDLE_SOCKETS (10,000) idle visitor sockets connected.
// Targets (2-core machine): ≥ 3,000 msg/s with synchronous=FULL, p99 < 50 ms at 1,000 msg/s,
// 10,000 idle sockets < 500 MB. BENCH_VISITORS, BENCH_AGENTS, BENCH_SECONDS scale it.
import { fork, ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { io, Socket } from 'socket.io-client';

const VISITORS = Number(process.env.BENCH_VISITORS ?? 200);
const AGENTS = Number(process.env.BENCH_AGENTS ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const IDLE = Number(process.env.BENCH_IDLE_SOCKETS ?? 10_000);
const WINDOW = 2; // messages in flight per visitor
const AGENT_EMAILS = ['lin.xiao@hearth.demo', 'chen.siyuan@hearth.demo', 'emma@hearth.demo', 'admin@hearth.demo', 'zhou.ting@hearth.demo'];

type Target = {
  name: string;
  visitor: (i: number) => Promise<Socket>;
  /** An agent with the customers of these visitors open (after each visitor's first message). */
  agent: (i: number, visitors: number[]) => Promise<Socket>;
  send: (s: Socket, clientId: string, body: string) => Promise<void>;
  onDelivered: (s: Socket, fn: (clientId: string) => void) => void;
  memory: () => Promise<number>;
  stop: () => void;
};

type Result = { perSecond: number; sustainedP50: number; sustainedP99: number; p50: number; p99: number; sentAtRate: number; idleSockets: number; rssIdle: number; rssBefore: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
let seq = 0;
const newClientId = () => `b${process.pid}x${(seq++).toString(36).padStart(8, '0')}`;

function connected(s: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

async function startServer(mode: 'hearth' | 'baseline'): Promise<{ child: ChildProcess; url: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hearth-chat-bench-${mode}-`));
  const child = fork(path.join(__dirname, 'chat-bench-server.js'), [mode, dir], {
    execArgv: ['--disable-warning=ExperimentalWarning', '--expose-gc', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROFILE] : [])],
    env: { ...process.env, DATABASE_URL: '' },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, dir };
}

function stopServer(child: ChildProcess, dir: string) {
  child.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  child.kill('SIGINT');
}

function memoryOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m: { rss: number }) => resolve(m.rss));
    child.send('memory');
  });
}

async function hearthTarget(): Promise<Target> {
  const { child, url, dir } = await startServer('hearth');
  const token = async () => {
    const res = await fetch(`${url}/api/chat/visitor`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    if (res.status !== 201) throw new Error(`visitor token: ${res.status}`);
    return ((await res.json()) as { token: string }).token;
  };
  return {
    name: 'Hearth',
    visitor: async () => connected(io(`${url}/visitor`, { transports: ['websocket'], auth: { token: await token() }, forceNew: true, reconnection: false })),
    agent: async (i, share) => {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: AGENT_EMAILS[i % AGENT_EMAILS.length], password: 'hearth-demo' }),
      });
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
      const socket = await connected(io(url, { transports: ['websocket'], extraHeaders: { Cookie: cookie }, forceNew: true, reconnection: false }));
      // The inbox lists every conversation; this agent opens its share of them.
      const customers: string[] = [];
      for (const view of ['waiting', 'recent']) {
        for (let cursor: string | null = ''; cursor !== null; ) {
          const page = (await (await fetch(`${url}/api/inbox?view=${view}&limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie } })).json()) as {
            items: { customerId: string; displayName: string }[];
            nextCursor: string | null;
          };
          customers.push(...page.items.filter((it) => it.displayName.startsWith('网页访客')).map((it) => it.customerId));
          cursor = page.nextCursor;
        }
      }
      const mine = customers.sort().filter((_, k) => share.includes(k));
      await Promise.all(mine.map((customerId) => socket.emitWithAck('customer.watch', { customerId })));
      return socket;
    },
    send: async (s, clientId, body) => {
      const ack = await s.emitWithAck('chat.send', { clientId, body });
      if (!ack.ok) throw new Error(`${ack.code}: ${ack.message}`);
    },
    onDelivered: (s, fn) => s.on('timeline.event', (e: { details?: { clientId?: string } }) => e.details?.clientId && fn(e.details.clientId)),
    memory: () => memoryOf(child),
    stop: () => stopServer(child, dir),
  };
}

async function baselineTarget(): Promise<Target> {
  const { child, url, dir } = await startServer('baseline');
  return {
    name: 'Baseline (socket.io + better-sqlite3)',
    visitor: (i) => connected(io(url, { transports: ['websocket'], auth: { visitor: i }, forceNew: true, reconnection: false })),
    agent: (_, share) => connected(io(url, { transports: ['websocket'], auth: { watch: share }, forceNew: true, reconnection: false })),
    send: async (s, clientId, body) => {
      await s.emitWithAck('send', { clientId, body });
    },
    onDelivered: (s, fn) => s.on('msg', (m: { clientId: string }) => fn(m.clientId)),
    memory: () => memoryOf(child),
    stop: () => stopServer(child, dir),
  };
}

async function inBatches<T>(n: number, batch: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += batch) out.push(...(await Promise.all(Array.from({ length: Math.min(batch, n - i) }, (_, k) => make(i + k)))));
  return out;
}

async function run(target: Target): Promise<Result> {
  const visitors = await inBatches(VISITORS, 50, (i) => target.visitor(i));
  // Every visitor's first message makes their customer; then each agent opens a share of them.
  await Promise.all(visitors.map((v) => target.send(v, newClientId(), '你好，我想问一下')));
  const agents = await inBatches(AGENTS, AGENTS, (i) => target.agent(i, visitors.map((_, k) => k).filter((k) => k % AGENTS === i)));
  const sentAt = new Map<string, number>();
  let phase: number[] | null = null;
  for (const agent of agents) {
    target.onDelivered(agent, (clientId) => {
      const t0 = sentAt.get(clientId);
      if (t0 === undefined) return;
      sentAt.delete(clientId);
      phase?.push(performance.now() - t0);
    });
  }
  await Promise.all(visitors.map((v) => target.send(v, newClientId(), 'warm-up')));
  await sleep(300);

  // 1. Sustained: each visitor keeps WINDOW messages in flight for SECONDS.
  const sustained: number[] = [];
  phase = sustained;
  const end = performance.now() + SECONDS * 1000;
  const started = performance.now();
  let stored = 0;
  await Promise.all(
    visitors.flatMap((v, i) =>
      Array.from({ length: WINDOW }, async () => {
        while (performance.now() < end) {
          const id = newClientId();
          sentAt.set(id, performance.now());
          await target.send(v, id, `第 ${i} 位顾客的消息：屏幕有一道划痕，电池也不太耐用`);
          stored++;
        }
      }),
    ),
  );
  const elapsed = (performance.now() - started) / 1000;
  await sleep(500);
  const perSecond = Math.min(stored, sustained.length) / elapsed;

  // 2. Latency at a steady RATE messages/s (open loop: sends don't wait for acks).
  sentAt.clear();
  const steady: number[] = [];
  phase = steady;
  const tickMs = 10;
  const perTick = RATE / (1000 / tickMs);
  let owed = 0;
  let k = 0;
  const until = performance.now() + SECONDS * 1000;
  const pending: Promise<void>[] = [];
  let sentAtRate = 0;
  while (performance.now() < until) {
    const tickStart = performance.now();
    owed += perTick;
    for (; owed >= 1; owed--) {
      const id = newClientId();
      sentAt.set(id, performance.now());
      pending.push(target.send(visitors[k++ % visitors.length], id, '稳定速率下的一条消息'));
      sentAtRate++;
    }
    await sleep(Math.max(0, tickMs - (performance.now() - tickStart)));
  }
  await Promise.all(pending);
  await sleep(500);
  phase = null;

  // 3. Idle sockets: server memory with IDLE visitor sockets connected.
  visitors.forEach((v) => v.disconnect());
  await sleep(500);
  const rssBefore = await target.memory();
  const idle = await inBatches(IDLE, 250, (i) => target.visitor(VISITORS + i));
  await sleep(1000);
  const rssIdle = await target.memory();
  idle.forEach((s) => s.disconnect());
  agents.forEach((a) => a.disconnect());
  return {
    perSecond,
    sustainedP50: pct(sustained, 50),
    sustainedP99: pct(sustained, 99),
    p50: pct(steady, 50),
    p99: pct(steady, 99),
    sentAtRate: sentAtRate / SECONDS,
    idleSockets: idle.length,
    rssBefore,
    rssIdle,
  };
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

void (async () => {
  console.log(`Chat benchmark: ${VISITORS} visitors, ${AGENTS} agents, ${SECONDS} s per phase, ${IDLE} idle sockets (${os.cpus().length} cores)\n`);
  const results: [string, Result][] = [];
  for (const make of [hearthTarget, baselineTarget]) {
    const target = await make();
    try {
      results.push([target.name, await run(target)]);
    } finally {
      target.stop();
    }
  }
  const [hearth, base] = results.map(([, r]) => r);
  const rows: [string, (r: Result) => string, ((r: Result) => number) | null, string][] = [
    ['stored + delivered msg/s (sustained)', (r) => r.perSecond.toFixed(0), (r) => r.perSecond, '≥ 3000'],
    ['  latency p50 / p99 at that load', (r) => `${ms(r.sustainedP50)} / ${ms(r.sustainedP99)}`, null, ''],
    [`send→delivery p50 at ${RATE}/s`, (r) => ms(r.p50), (r) => r.p50, ''],
    [`send→delivery p99 at ${RATE}/s`, (r) => ms(r.p99), (r) => r.p99, '< 50 ms'],
    [`server RSS, ${IDLE} idle sockets`, (r) => `${mb(r.rssIdle)} (was ${mb(r.rssBefore)})`, (r) => r.rssIdle, '< 500 MB'],
  ];
  const w = 40;
  console.log(`${''.padEnd(w)}${'Hearth'.padEnd(24)}${'Baseline'.padEnd(24)}${'ratio'.padEnd(10)}target`);
  for (const [label, f, n, target] of rows) {
    const ratio = n ? `${(n(hearth) / n(base)).toFixed(2)}×` : '';
    console.log(`${label.padEnd(w)}${f(hearth).padEnd(24)}${f(base).padEnd(24)}${ratio.padEnd(10)}${target}`);
  }
  console.log('\nBaseline: a bare socket.io server that stores each message with better-sqlite3 (autocommit, synchronous=FULL) and forwards it.');
  const ok = hearth.perSecond >= 3000 && hearth.p99 < 50 && hearth.rssIdle < 500 * 1024 * 1024;
  console.log(ok ? 'All chat targets met.' : 'Some chat targets were NOT met (see above).');
  process.exit(0);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
