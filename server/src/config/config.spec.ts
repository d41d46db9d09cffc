import * as path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe(loadConfig.name, () => {
  it('should default to an embedded SQLite file under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'sqlite', file: path.resolve('data/hearth.sqlite') });
    expect(config.seedDemo).toBe(true);
  });

  it('should select PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1/hearth' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@127.0.0.1/hearth' });
  });

  it('should treat an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).database.kind).toBe('sqlite');
  });

  it('should name every bad value in one clear error', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/DATABASE_URL: must be a postgres/);
    }
  });

  it('should default the WeChat API to Tencent and take another base without its trailing slash', () => {
    expect(loadConfig({}).wechat.apiBase).toBe('https://api.weixin.qq.com');
    expect(loadConfig({ WECHAT_API_BASE: 'http://127.0.0.1:9/' }).wechat.apiBase).toBe('http://127.0.0.1:9');
    expect(() => loadConfig({ WECHAT_API_BASE: 'ftp://x' })).toThrow(/WECHAT_API_BASE/);
    expect(loadConfig({ WECHAT_API_BASE: 'https://proxy.example.com/wechat/' }).wechat.apiBase).toBe('https://proxy.example.com/wechat');
    for (const bad of ['http://', 'https://exa mple.com', 'http://a.com?x=1', 'http://a.com/#f', 'http://user:pw@a.com', 'javascript:alert(1)', 'http//a.com']) {
      expect(() => loadConfig({ WECHAT_API_BASE: bad })).toThrow(/WECHAT_API_BASE/);
    }
    expect(loadConfig({}).wechat.apiTimeoutMs).toBe(10_000);
    expect(() => loadConfig({ WECHAT_API_TIMEOUT_MS: '5' })).toThrow(/WECHAT_API_TIMEOUT_MS/);
  });

  it('should limit forum registrations and posts by default and take other limits', () => {
    expect(loadConfig({}).forum).toEqual({ registrationsPerHour: 10, postsPer10Minutes: 20 });
    expect(loadConfig({ FORUM_REGISTRATIONS_PER_HOUR: '500', FORUM_POSTS_PER_10_MINUTES: '1000' }).forum).toEqual({ registrationsPerHour: 500, postsPer10Minutes: 1000 });
    expect(() => loadConfig({ FORUM_POSTS_PER_10_MINUTES: '0' })).toThrow(/FORUM_POSTS_PER_10_MINUTES/);
  });
});
