import * as path from 'node:path';
import { z } from 'zod';

/** Thrown at boot when the environment holds a value Hearth cannot run with. */
export class ConfigError extends Error {}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: bool.default(true),
  DEMO_LONG_HISTORY: z.coerce.number().int().min(0).max(100_000).default(1500),
  DEMO_STORIES: bool.default(true),
  DEMO_FORUM: bool.default(true),
  COOKIE_SECURE: bool.default(false),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  TRUST_PROXY: bool.default(false),
  CLIENT_DIR: z.string().min(1).optional(),
  CHAT_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  CHAT_NEW_VISITORS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  FORUM_REGISTRATIONS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(10),
  FORUM_POSTS_PER_10_MINUTES: z.coerce.number().int().min(1).max(1_000_000).default(20),
  STORE_TIMEZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Asia/Shanghai')
    .default('Asia/Shanghai'),
  WECHAT_API_BASE: z
    .string()
    .refine(isHttpBase, 'must be an http:// or https:// URL (no query, no fragment, no user or password)')
    .transform((url) => url.replace(/\/+$/, ''))
    .default('https://api.weixin.qq.com'),
  WECHAT_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WECHAT_TIMESTAMP_WINDOW_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  WECHAT_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5000),
});

export type AppConfig = {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** With it, socket.io instances share realtime through Redis (several servers behind a load balancer). */
  redisUrl: string | null;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  seedDemo: boolean;
  /** How many events the demo's long-history customer gets. */
  demoLongHistory: number;
  /** Seed the demo's resolved cases (stories); tests that count stories turn it off. */
  demoStories: boolean;
  demoForum: boolean;
  cookieSecure: boolean;
  sessionDays: number;
  loginMaxFailures: number;
  loginWindowSeconds: number;
  trustProxy: boolean;
  clientDir: string;
  /** Web chat: messages one visitor may send per minute. */
  chatMessagesPerMinute: number;
  /** Web chat: new visitor tokens one address may get per minute. */
  chatNewVisitorsPerMinute: number;
  forum: {
    /** New forum accounts one client address may make per hour. */
    registrationsPerHour: number;
    /** Threads and replies one forum member may post per 10 minutes. */
    postsPer10Minutes: number;
  };
  /** Where "today" begins for the stores' visit diaries. */
  storeTimeZone: string;
  wechat: {
    /** The WeChat API's base URL (a fake server's in tests). */
    apiBase: string;
    /** Callbacks whose timestamp is further than this from now are refused; 0 turns the check off. */
    timestampWindowSeconds: number;
    /** The first retry of a reply that could not be delivered waits this long; each next one twice as long. */
    retryBaseMs: number;
    /** How long a call to WeChat may take once connected; then its outcome is unknown. */
    apiTimeoutMs: number;
  };
};

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Reads and validates the environment once; a bad value stops the boot with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "not set", as a shell user expects from `FOO= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'hearth.sqlite') },
    redisUrl: e.REDIS_URL ?? null,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    demoLongHistory: e.DEMO_LONG_HISTORY,
    demoStories: e.DEMO_STORIES,
    demoForum: e.DEMO_FORUM,
    cookieSecure: e.COOKIE_SECURE,
    sessionDays: e.SESSION_DAYS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginWindowSeconds: e.LOGIN_WINDOW_SECONDS,
    trustProxy: e.TRUST_PROXY,
    clientDir: path.resolve(e.CLIENT_DIR ?? path.join(__dirname, '../../../client/dist/client/browser')),
    chatMessagesPerMinute: e.CHAT_MESSAGES_PER_MINUTE,
    chatNewVisitorsPerMinute: e.CHAT_NEW_VISITORS_PER_MINUTE,
    forum: { registrationsPerHour: e.FORUM_REGISTRATIONS_PER_HOUR, postsPer10Minutes: e.FORUM_POSTS_PER_10_MINUTES },
    storeTimeZone: e.STORE_TIMEZONE,
    wechat: {
      apiBase: e.WECHAT_API_BASE,
      timestampWindowSeconds: e.WECHAT_TIMESTAMP_WINDOW_SECONDS,
      retryBaseMs: e.WECHAT_RETRY_BASE_MS,
      apiTimeoutMs: e.WECHAT_API_TIMEOUT_MS,
    },
  };
}

/** A base URL the API paths can be appended to: http(s), a host, nothing after the path. */
function isHttpBase(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname && !url.search && !url.hash && !url.username && !url.password && !/\s/.test(value);
  } catch {
    return false;
  }
}
