import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { io, Socket } from 'socket.io-client';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApp } from '../app.factory';
import { AppConfig, loadConfig } from '../config/config';
import type { ClientToServerEvents, ServerToClientEvents } from '../realtime/contract';
import { DEMO_PASSWORD } from '../seed/demo-data';

export type StaffSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type TestApp = {
  app: NestExpressApplication;
  config: AppConfig;
  http: () => TestAgent;
  /** A cookie-keeping client signed in as this account. */
  signIn: (email: string, password?: string) => Promise<TestAgent>;
  /** A staff socket, connected with a fresh session of this account (the app listens on loopback from the first one); closed with the app. */
  staffSocket: (email: string) => Promise<StaffSocket>;
  close: () => Promise<void>;
};

/**
 * Boots the real app on a fresh SQLite file (real migrations, real demo seed) in a temp folder,
 * or on the folder given, to test restarts. Tests never share a database.
 */
export async function startTestApp(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-test-'));
  const clientDir = path.join(dir, 'client');
  fs.mkdirSync(clientDir, { recursive: true });
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><html><body><app-root></app-root></body></html>');
  const postgres = process.env.DATABASE_URL && !env.DATABASE_URL ? await createPostgresDatabase(process.env.DATABASE_URL) : undefined;
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', DEMO_LONG_HISTORY: '30', CLIENT_DIR: clientDir, DATABASE_URL: postgres?.url ?? '', ...env });
  const app = await createApp(config);
  await app.init();
  const server = app.getHttpServer();
  const http = () => request(server);
  const sockets: StaffSocket[] = [];
  return {
    app,
    config,
    http,
    signIn: async (email, password = DEMO_PASSWORD) => {
      const agent = request.agent(server);
      await agent.post('/api/auth/login').send({ email, password }).expect(200);
      return agent;
    },
    staffSocket: async (email) => {
      if (!server.listening) await app.listen(0, '127.0.0.1');
      const login = await http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
      const socket: StaffSocket = io(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, {
        transports: ['websocket'],
        extraHeaders: { Cookie: String(login.headers['set-cookie']).split(';')[0] },
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
      return socket;
    },
    close: async () => {
      sockets.splice(0).forEach((s) => s.disconnect());
      await app.close();
      await postgres?.drop();
      if (!dataDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * With DATABASE_URL set (the PostgreSQL pass of the suite), each test app gets a database of its own
 * on that server, dropped afterwards, just as each SQLite test gets its own file.
 */
export async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `hearth_test_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
