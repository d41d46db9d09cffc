import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../config/config';
import { ERASED_NAME } from '../privacy/customer-erasure';
import { ERASE_AGAIN_FILE } from '../privacy/erase-again';
import { startTestApp } from '../testing/test-app';
import { BackupError, PID_FILE, backup, restore } from './backup';

// Backups are of the embedded SQLite database; PostgreSQL is backed up with pg_dump.
const describeOnSqlite = process.env.DATABASE_URL ? describe.skip : describe;

describeOnSqlite('npm run backup / npm run restore', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-backup-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  let notes = 0;
  async function addNote(agent: Awaited<ReturnType<Awaited<ReturnType<typeof startTestApp>>['signIn']>>, customerId: string, body: string) {
    await agent.post(`/api/customers/${customerId}/notes`).send({ body, clientId: `note-${++notes}` }).expect(201);
  }

  it('backs up while the server runs, and a restored copy reads the same timeline', async () => {
    const live = tempDir();
    const t = await startTestApp({}, live);
    let folder: string;
    let customerId: string;
    try {
      const agent = await t.signIn('lin.xiao@hearth.demo');
      const found = await agent.get('/api/customers').query({ q: '张伟' }).expect(200);
      customerId = found.body.results[0].customer.id;
      await addNote(agent, customerId, '备份之前写下的记录');
      // An image on disk, as an upload would leave it: the backup carries the uploads folder too.
      fs.mkdirSync(path.join(live, 'uploads', '2026'), { recursive: true });
      fs.writeFileSync(path.join(live, 'uploads', '2026', 'photo.webp'), 'image bytes');

      // The server keeps writing while the backup runs.
      let writing = true;
      const writes = (async () => {
        for (let i = 0; writing; i++) await addNote(agent, customerId, `备份进行中写下的记录 ${i}`);
      })();
      folder = await backup(t.config, path.join(live, 'backups'), new Date(2026, 11, 4, 15, 30, 5));
      writing = false;
      await writes;
      expect(path.basename(folder)).toBe('hearth-20261204-153005');
      // The server keeps working during and after the backup; later writes are not in it.
      await addNote(agent, customerId, '备份之后写下的记录');
    } finally {
      await t.close();
    }

    const target = tempDir();
    const config = loadConfig({ DATA_DIR: target, LOG_LEVEL: 'silent' });
    expect(restore(config, folder).keptAside).toBeNull();
    expect(fs.readFileSync(path.join(target, 'uploads', '2026', 'photo.webp'), 'utf8')).toBe('image bytes');

    const restored = await startTestApp({ SEED_DEMO: 'false' }, target);
    try {
      const agent = await restored.signIn('lin.xiao@hearth.demo');
      const page = await agent.get(`/api/customers/${customerId}/timeline`).expect(200);
      const bodies = page.body.events.map((e: { body: string }) => e.body);
      expect(bodies).toContain('备份之前写下的记录');
      expect(bodies).not.toContain('备份之后写下的记录');
      expect(bodies).toContain('出差回来了，屏幕很好用，谢谢你们！卡片我留着呢。');
    } finally {
      await restored.close();
    }
  });

  it('erases again, when the server next starts, the customers erased after the backup was taken', async () => {
    const live = tempDir();
    const t = await startTestApp({}, live);
    let folder: string;
    let customerId: string;
    try {
      const agent = await t.signIn('lin.xiao@hearth.demo');
      customerId = (await agent.post('/api/customers').send({ displayName: '周女士', phone: '13800138999' }).expect(201)).body.customer.id;
      await addNote(agent, customerId, '周女士说耳机左边没声音');
      folder = await backup(t.config, path.join(live, 'backups'));
      // She asks to be forgotten after the backup.
      const admin = await t.signIn('admin@hearth.demo');
      await admin.post(`/api/customers/${customerId}/erase`).send({ confirmName: '周女士' }).expect(200);
    } finally {
      await t.close();
    }

    // The restored copy still has her; the restore says so and leaves the list for the server.
    const config = loadConfig({ DATA_DIR: live, LOG_LEVEL: 'silent' });
    expect(restore(config, folder).eraseAgain).toEqual([customerId]);
    expect(fs.existsSync(path.join(live, ERASE_AGAIN_FILE))).toBe(true);

    const restarted = await startTestApp({}, live);
    try {
      const admin = await restarted.signIn('admin@hearth.demo');
      const customer = (await admin.get(`/api/customers/${customerId}`).expect(200)).body.customer;
      expect(customer).toMatchObject({ displayName: ERASED_NAME, phone: null, erasedAt: expect.any(String) });
      const timeline = await admin.get(`/api/customers/${customerId}/timeline`).expect(200);
      expect(JSON.stringify(timeline.body.events)).not.toContain('耳机左边没声音');
      expect((await admin.get('/api/customers').query({ q: '周女士' }).expect(200)).body.results).toEqual([]);
      // Recorded in the audit log in the name of the admin who erased her first.
      const entries = (await admin.get('/api/audit').query({ targetId: customerId, action: 'customer.erase' }).expect(200)).body.entries;
      expect(entries).toEqual([expect.objectContaining({ staff: expect.objectContaining({ name: '管理员 Admin' }), clientAddress: 'npm run restore' })]);
    } finally {
      await restarted.close();
    }
    expect(fs.existsSync(path.join(live, ERASE_AGAIN_FILE))).toBe(false);
  });

  it('keeps the database it replaces, and refuses while a server runs or when the file is no Hearth database', async () => {
    const source = tempDir();
    const t = await startTestApp({}, source);
    const folder = await backup(t.config, path.join(source, 'backups'));
    await t.close();

    const target = tempDir();
    const config = loadConfig({ DATA_DIR: target, LOG_LEVEL: 'silent' });
    restore(config, folder);
    const second = restore(config, path.join(folder, 'hearth.sqlite'), new Date(2026, 0, 2, 3, 4, 5));
    expect(second.keptAside).toBe(path.join(target, 'hearth.sqlite.before-restore-20260102-030405'));
    expect(fs.existsSync(second.keptAside!)).toBe(true);

    // A live process id in the pid file: a server is running on this folder.
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(target, PID_FILE), String(sleeper.pid));
      expect(() => restore(config, folder)).toThrow(/is running/);
    } finally {
      sleeper.kill();
    }

    const junk = path.join(tempDir(), 'not-a-backup.sqlite');
    fs.writeFileSync(junk, 'hello');
    expect(() => restore(config, junk)).toThrow(BackupError);
    expect(() => restore(config, path.join(target, 'missing'))).toThrow(/No backup/);
  });
});
