import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// One fresh data folder per run, made once in the main process and inherited by the workers.
process.env.HEARTH_E2E_DATA ??= fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-'));
const port = Number(process.env.HEARTH_E2E_PORT ?? 3210);
// tests/wechat.spec.ts plays the WeChat API on this port; the server sends replies there.
process.env.HEARTH_E2E_WECHAT_PORT ??= String(port + 1);

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium; Playwright never downloads a browser here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  // The built app, started the way a user starts it (npm test builds it first).
  webServer: {
    command: 'node --disable-warning=ExperimentalWarning ../server/dist/main.js',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.HEARTH_E2E_DATA,
      LOG_LEVEL: 'warn',
      WECHAT_API_BASE: `http://127.0.0.1:${process.env.HEARTH_E2E_WECHAT_PORT}`,
      WECHAT_RETRY_BASE_MS: '200',
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
