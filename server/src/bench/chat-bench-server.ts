// The server side of `npm run bench` (chat): started as a child process so its CPU and memory are
// its own. `hearth` boots the real app; `baseline` is a bare socket.io + better-sqlite3 echo server
// that stores each message (autocommit, synchronous=FULL) and forwards it to the agents.
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { Server } from 'socket.io';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/config';

const [mode, dataDir] = process.argv.slice(2);

async function hearth(): Promise<http.Server> {
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DEMO_LONG_HISTORY: '0',
    CHAT_MESSAGES_PER_MINUTE: '1000000',
    CHAT_NEW_VISITORS_PER_MINUTE: '1000000',
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  return app.getHttpServer();
}

async function baseline(): Promise<http.Server> {
  const db = new Database(path.join(dataDir, 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY, client_id TEXT UNIQUE, body TEXT, at TEXT)');
  const insert = db.prepare('INSERT OR IGNORE INTO messages (client_id, body, at) VALUES (?, ?, ?)');
  const server = http.createServer();
  const io = new Server(server, { serveClient: false });
  // Like Hearth: each visitor is one customer's room; agents follow the customers they have open.
  io.on('connection', (socket) => {
    const auth = socket.handshake.auth as { visitor?: number; watch?: number[] };
    if (auth.watch) void socket.join(auth.watch.map((i) => `c:${i}`));
    socket.on('send', (payload: { clientId: string; body: string }, ack: (r: unknown) => void) => {
      const info = insert.run(payload.clientId, payload.body, new Date().toISOString());
      ack({ ok: true, id: Number(info.lastInsertRowid) });
      io.to(`c:${auth.visitor}`).emit('msg', { clientId: payload.clientId });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

void (async () => {
  fs.mkdirSync(dataDir, { recursive: true });
  const server = mode === 'baseline' ? await baseline() : await hearth();
  process.on('message', (msg: string) => {
    if (msg === 'memory') {
      global.gc?.();
      process.send?.({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
    }
  });
  process.on('SIGINT', () => process.exit(0));
  process.send?.({ port: (server.address() as AddressInfo).port });
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
