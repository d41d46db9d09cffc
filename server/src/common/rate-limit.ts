import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from './domain-error';

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
