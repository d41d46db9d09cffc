import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApp } from '../app.factory';
import { AppConfig, loadConfig } from '../config/config';
import { DEMO_PASSWORD } from '../seed/demo-data';

export type TestApp = {
  app: NestExpressApplication;
  config: AppConfig;
  http: () => TestAgent;
  /** A cookie-keeping client signed in as this account. */
  signIn: (email: string, password?: string) => Promise<TestAgent>;
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
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', CLIENT_DIR: clientDir, ...env });
  const app = await createApp(config);
  await app.init();
  const server = app.getHttpServer();
  const http = () => request(server);
  return {
    app,
    config,
    http,
    signIn: async (email, password = DEMO_PASSWORD) => {
      const agent = request.agent(server);
      await agent.post('/api/auth/login').send({ email, password }).expect(200);
      return agent;
    },
    close: async () => {
      await app.close();
      if (!dataDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
