import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { HttpStatus } from '@nestjs/common';
import { createClient } from 'redis';
import { connectRedis, type HearthRedis } from '../realtime/redis';
import { DomainError } from './domain-error';
import { RateLimits, consumeOrThrow } from './rate-limit';

const tooMany = (retryAfterSeconds: number) =>
  new DomainError('test.rate_limited', HttpStatus.TOO_MANY_REQUESTS, `Try again in ${retryAfterSeconds} s`);

/** How many of `attempts` takes get through before the 429s start. */
async function allowed(take: () => Promise<void>, attempts: number): Promise<number> {
  let ok = 0;
  for (let i = 0; i < attempts; i++) {
    try {
      await take();
      ok++;
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('test.rate_limited');
    }
  }
  return ok;
}

describe('RateLimits', () => {
  it('counts in memory when there is no Redis', async () => {
    const limiter = new RateLimits().create('test', 3, 60);
    expect(await allowed(() => consumeOrThrow(limiter, 'k', tooMany), 5)).toBe(3);
    expect(await allowed(() => consumeOrThrow(limiter, 'other', tooMany), 1)).toBe(1);
  });

  it('keeps limiting in memory, without waiting, while Redis cannot be reached', async () => {
    const port = await freePort();
    const client = createClient({ url: `redis://127.0.0.1:${port}` }) as unknown as HearthRedis['client'];
    const limiter = new RateLimits(client).create('test', 2, 60);
    const started = Date.now();
    expect(await allowed(() => consumeOrThrow(limiter, 'k', tooMany), 4)).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  const hasRedis = (() => {
    try {
      execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  // .ci/run installs redis-server.
  (hasRedis ? describe : describe.skip)('with REDIS_URL', () => {
    let server: ChildProcess;
    let url: string;
    const connections: HearthRedis[] = [];

    beforeAll(async () => {
      const port = await freePort();
      url = `redis://127.0.0.1:${port}`;
      server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      for (let i = 0; ; i++) {
        const up = await connectRedis(url).then(
          (r) => r.close().then(() => true),
          () => false,
        );
        if (up) break;
        if (i > 50) throw new Error('redis-server did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
    });

    afterAll(async () => {
      await Promise.all(connections.map((c) => c.close()));
      server?.kill('SIGKILL');
    });

    const instance = async () => {
      const redis = await connectRedis(url);
      connections.push(redis);
      return new RateLimits(redis.client);
    };

    it('counts every instance together, per limiter name and key', async () => {
      const [a, b] = [await instance(), await instance()];
      const onA = a.create('sign-in', 3, 60);
      const onB = b.create('sign-in', 3, 60);
      const take = (limiter: typeof onA, key = 'addr|lin') => () => consumeOrThrow(limiter, key, tooMany);

      expect(await allowed(take(onA), 2)).toBe(2);
      expect(await allowed(take(onB), 2)).toBe(1);
      expect(await allowed(take(onA), 1)).toBe(0);
      // Other keys and other limiters count apart.
      expect(await allowed(take(onB, 'addr|wang'), 1)).toBe(1);
      expect(await allowed(take(b.create('uploads', 3, 60)), 1)).toBe(1);

      // A right password clears the count on one instance; it is clear on the other.
      await onB.delete('addr|lin');
      expect(await allowed(take(onA), 4)).toBe(3);
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}
