import { DynamicModule, Global, Inject, Injectable, Module, Optional } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { HearthRedis } from '../realtime/redis';
import { DomainError } from './domain-error';

const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

/**
 * Makes the app's rate limiters. One instance alone counts in memory. With REDIS_URL every instance
 * counts in Redis, so several instances behind a load balancer allow together what one would, not
 * that many times as much. While Redis is away each instance counts in memory on its own: a
 * request neither waits for Redis nor goes through unlimited.
 */
@Injectable()
export class RateLimits {
  constructor(@Optional() @Inject(RATE_LIMIT_REDIS) private readonly redis?: HearthRedis['client']) {}

  /** `name` keeps each limiter's keys apart in Redis. */
  create(name: string, points: number, durationSeconds: number): RateLimiterAbstract {
    const memory = new RateLimiterMemory({ points, duration: durationSeconds });
    if (!this.redis) return memory;
    return new RateLimiterRedis({
      storeClient: this.redis,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
      keyPrefix: `hearth:rl:${name}`,
      points,
      duration: durationSeconds,
    });
  }
}

@Global()
@Module({})
export class RateLimitModule {
  static forRoot(redis?: HearthRedis['client']): DynamicModule {
    return {
      module: RateLimitModule,
      providers: [{ provide: RATE_LIMIT_REDIS, useValue: redis }, RateLimits],
      exports: [RateLimits],
    };
  }
}

/**
 * Takes one point for `key`, or throws the feature's 429 (given the seconds until the next try,
 * for a Retry-After header). Any other limiter failure is rethrown as it is.
 */
export async function consumeOrThrow(limiter: RateLimiterAbstract, key: string, tooMany: (retryAfterSeconds: number) => DomainError): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (res) {
    if (res instanceof RateLimiterRes) throw tooMany(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
    throw res;
  }
}

/**
 * Failed sign-ins, per client address and account (and a wider cap per address alone). Every
 * attempt takes its points before the slow password check, so guesses sent at once cannot all slip
 * under the limit; a correct sign-in gives them back. Staff and forum sign-ins share it.
 */
export class SignInLimiter {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(limits: RateLimits, name: string, maxFailures: number, windowSeconds: number) {
    this.perAccount = limits.create(`${name}:account`, maxFailures, windowSeconds);
    this.perAddress = limits.create(`${name}:address`, maxFailures * 10, windowSeconds);
  }

  /** Takes one attempt, or throws the feature's 429. */
  async attempt(address: string, account: string, tooMany: (retryAfterSeconds: number) => DomainError): Promise<void> {
    const key = `${address}|${account}`;
    await consumeOrThrow(this.perAccount, key, tooMany);
    try {
      await consumeOrThrow(this.perAddress, address, tooMany);
    } catch (err) {
      await this.perAccount.reward(key, 1);
      throw err;
    }
  }

  /** The attempt was right: it does not count. */
  async succeeded(address: string, account: string): Promise<void> {
    await this.perAccount.delete(`${address}|${account}`);
    await this.perAddress.reward(address, 1);
  }
}
