import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';

// Faults against the real server process (the built one `npm start` runs), on a port and data
// folder of its own: kill -9 in the middle of a chat burst, and data folders it cannot use.
const PORT = Number(process.env.HEARTH_E2E_PORT ?? 3210) + 20;
const URL = `http://127.0.0.1:${PORT}`;
const MAIN = path.resolve(__dirname, '../../server/dist/main.js');

type Server = { child: ChildProcess; stderr: () => string; exited: Promise<number | null> };
/** Every server this file started: none may outlive it, even when a test times out. */
const children = new Set<ChildProcess>();
test.afterAll(() => children.forEach((child) => child.kill('SIGKILL')));

function spawnServer(dataDir: string): Server {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', MAIN], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'false', CHAT_MESSAGES_PER_MINUTE: '100000' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stderr: () => err, exited };
}

async function startServer(dataDir: string): Promise<Server> {
  if (await fetch(`${URL}/api/health`).then(() => true, () => false)) throw new Error(`Port ${PORT} is taken by another server`);
  const server = spawnServer(dataDir);
  for (let i = 0; i < 300; i++) {
    if (server.child.exitCode !== null) throw new Error(`The server exited: ${server.stderr()}`);
    const ok = await fetch(`${URL}/api/health`).then((r) => r.ok, () => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.child.kill('SIGKILL');
  throw new Error('The server did not become healthy');
}

function visitorSocket(token: string): Promise<Socket> {
  const socket = io(`${URL}/visitor`, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => socket.once('connect', () => resolve(socket)).once('connect_error', reject));
}

/** Every message in the visitor's conversation, by clientId, through the visitor's own history. */
async function historyClientIds(socket: Socket): Promise<string[]> {
  const ids: string[] = [];
  let before: string | undefined;
  for (;;) {
    const res = await socket.emitWithAck('chat.history', { ...(before ? { before } : {}), limit: 100 });
    if (!res.ok) throw new Error(res.message);
    ids.push(...res.messages.map((m: { clientId: string }) => m.clientId));
    if (!res.nextCursor) return ids;
    before = res.nextCursor;
  }
}

test.describe('faults', () => {
  test.describe.configure({ timeout: 120_000 });

  test('kill -9 during a burst of acknowledged chat messages: after a restart every acknowledged message is there exactly once, and retries add no duplicates', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-faults-'));
    let server = await startServer(dataDir);
    try {
      const { token } = (await (await fetch(`${URL}/api/chat/visitor`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { token: string };
      const socket = await visitorSocket(token);
      const sent: string[] = [];
      const acked = new Set<string>();
      const TOTAL = 600;
      let next = 0;
      let killedAt = -1;
      // Eight messages in flight at a time, as a busy page with an outbox would have them.
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < TOTAL && killedAt < 0) {
            const i = next++;
            const clientId = `burst-${String(i).padStart(4, '0')}`;
            sent.push(clientId);
            try {
              const ack = await socket.timeout(10_000).emitWithAck('chat.send', { clientId, body: `第 ${i} 条消息` });
              if (ack.ok) acked.add(clientId);
            } catch {
              return; // The server is gone: this message was never acknowledged.
            }
            if (acked.size >= 150 && killedAt < 0) {
              killedAt = acked.size;
              server.child.kill('SIGKILL');
            }
          }
        }),
      );
      socket.disconnect();
      expect(killedAt, 'the server was killed mid-burst').toBeGreaterThan(0);
      await server.exited;
      expect(acked.size).toBeGreaterThanOrEqual(150);

      server = await startServer(dataDir);
      const again = await visitorSocket(token);
      const stored = await historyClientIds(again);
      const count = (id: string) => stored.filter((s) => s === id).length;
      for (const id of acked) expect(count(id), `acknowledged ${id}`).toBe(1);
      // Nothing was stored twice, and nothing that was never sent appeared.
      expect(new Set(stored).size).toBe(stored.length);
      for (const id of stored) expect(sent).toContain(id);

      // The client's outbox resends everything it has no acknowledgement for (and, to be sure,
      // everything else too): each message ends up stored exactly once.
      for (const clientId of sent) {
        const ack = await again.emitWithAck('chat.send', { clientId, body: `第 ${Number(clientId.slice(6))} 条消息` });
        expect(ack.ok).toBe(true);
      }
      const after = await historyClientIds(again);
      expect(after.length).toBe(sent.length);
      expect(new Set(after)).toEqual(new Set(sent));
      again.disconnect();

      // A normal stop removes the pid file that keeps `npm run restore` away from a running server.
      const pidFile = path.join(dataDir, 'server.pid');
      expect(fs.readFileSync(pidFile, 'utf8')).toBe(String(server.child.pid));
      server.child.kill('SIGTERM');
      await server.exited;
      expect(fs.existsSync(pidFile)).toBe(false);
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('a data folder it cannot write stops the start with a clear message, not a stack trace', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-faults-')), 'not-a-folder');
    fs.writeFileSync(file, '');
    const server = spawnServer(path.join(file, 'data'));
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain(`DATA_DIR ${path.join(file, 'data')} is not writable (ENOTDIR)`);
    expect(server.stderr()).not.toMatch(/\n\s+at /);
  });

  test('a read-only or full disk stops the start with a clear message', async () => {
    const mount = (dir: string, options: string) => {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    };
    const readOnly = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-ro-'));
    const full = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-full-'));
    test.skip(!mount(readOnly, 'ro,size=1m'), 'needs root to mount a small file system (CI runs as root)');
    try {
      const ro = spawnServer(readOnly);
      expect(await ro.exited).toBe(1);
      expect(ro.stderr()).toContain(`DATA_DIR ${readOnly} is not writable (EROFS)`);

      expect(mount(full, 'size=2m')).toBe(true);
      const server = spawnServer(full);
      expect(await server.exited).toBe(1);
      expect(server.stderr()).toMatch(new RegExp(`DATA_DIR ${full} has only \\d+ MB free; Hearth needs at least 20 MB`));
    } finally {
      for (const dir of [readOnly, full]) {
        try {
          execFileSync('umount', [dir], { stdio: 'ignore' });
        } catch {
          // Not mounted (the first mount failed): nothing to undo.
        }
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
