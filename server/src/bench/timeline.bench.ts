// npm run bench: builds a 1,000,000-event SQLite database (one customer with 100,000 of them) and
// times, over HTTP on loopback, the first timeline page of that customer and two-character Chinese
// searches. Prints p50/p95/p99 against the targets. BENCH_EVENTS scales it down for a quick look.
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Database } from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { createApp } from '../app.factory';
import { hashPassword } from '../auth/password';
import { loadConfig } from '../config/config';
import { indexText } from '../timeline/search-text';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const BIG = Math.round(TOTAL / 10);
const CUSTOMERS = 10_000;
const RUNS = 200;

const WORDS = (
  '电池 充电 耳机 蓝牙 系统 更新 拍照 保修 快递 发票 退款 换货 门店 客服 价格 优惠 会员 积分 包装 说明 ' +
  '声音 信号 网络 应用 设置 密码 账号 登录 重启 发热 卡顿 续航 外观 颜色 尺寸 配件 贴膜 手表 平板 键盘'
).split(' ');
const RARE = '蓝屏'; // in 20 events only
const COMMON = '电池';

function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function sentence(next: () => number): string {
  const n = 3 + Math.floor(next() * 5);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]);
  return `${words.join('')}${next() < 0.3 ? '，怎么办？' : '。'}${next() < 0.1 ? ' Thanks for the quick help!' : ''}`;
}

function fill(db: Database) {
  const next = rng(7);
  const customerIds = Array.from({ length: CUSTOMERS }, () => randomUUID());
  const insertCustomer = db.prepare(`INSERT INTO customers (id, display_name, phone, notes) VALUES (?, ?, NULL, '')`);
  const insertEvent = db.prepare(
    `INSERT INTO events (customer_id, kind, channel, author_type, body, occurred_at, recorded_at, source, source_id, internal)
     VALUES (?, 'chat.message', 'chat', 'customer', ?, ?, ?, 'bench', ?, 0)`,
  );
  const insertSearch = db.prepare(`INSERT INTO event_search (rowid, text) VALUES (?, ?)`);
  db.transaction(() => customerIds.forEach((id, i) => insertCustomer.run(id, `顾客${i}`)))();
  const start = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2026, 10, 1) - start;
  const batch = 50_000;
  for (let done = 0; done < TOTAL; done += batch) {
    db.transaction(() => {
      for (let i = done; i < Math.min(TOTAL, done + batch); i++) {
        const customer = i % 10 === 0 ? customerIds[0] : customerIds[1 + Math.floor(next() * (CUSTOMERS - 1))];
        const body = i % Math.floor(TOTAL / 20) === 7 ? `我的手机突然${RARE}了，重启也没用` : sentence(next);
        const at = new Date(start + Math.floor((i / TOTAL) * span)).toISOString().replace('T', ' ').replace('Z', '');
        const { lastInsertRowid } = insertEvent.run(customer, body, at, at, `b${i}`);
        insertSearch.run(lastInsertRowid, indexText(body));
      }
    })();
    process.stdout.write(`\r  loading events: ${Math.min(TOTAL, done + batch).toLocaleString()} / ${TOTAL.toLocaleString()}`);
  }
  process.stdout.write('\n');
  db.exec('ANALYZE');
  return customerIds[0];
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(label: string, target: number, call: () => Promise<Response>) {
  for (let i = 0; i < 10; i++) await (await call()).arrayBuffer();
  const ms: number[] = [];
  let status = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const res = await call();
    await res.arrayBuffer();
    ms.push(performance.now() - t0);
    status = res.status;
  }
  ms.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(ms, p).toFixed(2));
  const verdict = Number(p95) < target ? 'ok' : 'OVER TARGET';
  console.log(`${label.padEnd(58)} HTTP ${status}  p50 ${p50} ms  p95 ${p95} ms  p99 ${p99} ms  (target p95 < ${target} ms: ${verdict})`);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dir, SEED_DEMO: 'false', LOG_LEVEL: 'warn', DATABASE_URL: '' });
  console.log(`Hearth benchmark: ${TOTAL.toLocaleString()} events, ${CUSTOMERS.toLocaleString()} customers, SQLite at ${config.database.kind === 'sqlite' ? config.database.file : ''}`);
  let app = await createApp(config);
  await app.init();
  const db = (app.get(DataSource).driver as unknown as { databaseConnection: Database }).databaseConnection;
  const t0 = Date.now();
  const bigCustomer = fill(db);
  db.prepare(`INSERT INTO staff (id, email, display_name, role, password_hash, active) VALUES (?, 'bench@hearth.demo', 'Bench', 'agent', ?, 1)`).run(
    randomUUID(),
    await hashPassword('bench-password'),
  );
  console.log(`  loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s; database file ${(fs.statSync(config.database.kind === 'sqlite' ? config.database.file : '').size / 1e6).toFixed(0)} MB`);
  await app.close();

  // A fresh start on the filled database, as a user would run it.
  app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@hearth.demo', password: 'bench-password' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const get = (url: string) => () => fetch(`${base}${url}`, { headers: { cookie } });
  const firstPage = (await (await get(`/customers/${bigCustomer}/timeline?limit=50`)()).json()) as { events: unknown[]; nextCursor: string };
  console.log(`  customer with ${BIG.toLocaleString()} events; first page returns ${firstPage.events.length} events\n`);

  await time(`first timeline page (50 events) of the ${BIG.toLocaleString()}-event customer`, 15, get(`/customers/${bigCustomer}/timeline?limit=50`));
  await time(`second page via cursor`, 15, get(`/customers/${bigCustomer}/timeline?limit=50&before=${encodeURIComponent(firstPage.nextCursor)}`));
  await time(`search "${RARE}" (rare two-character word, 20 events)`, 100, get(`/customers?q=${encodeURIComponent(RARE)}`));
  await time(`search "${COMMON}" (common two-character word)`, 100, get(`/customers?q=${encodeURIComponent(COMMON)}`));
  await time(`search "重启也没用" (five-character phrase)`, 100, get(`/customers?q=${encodeURIComponent('重启也没用')}`));
  await time(`search "thanks" (English word prefix)`, 100, get(`/customers?q=thanks`));
  console.log(`\n  server process RSS: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
