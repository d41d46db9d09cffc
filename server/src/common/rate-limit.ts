import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
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

/**
 * Failed sign-ins, per client address and account (and a wider cap per address alone). Every
 * attempt takes its points before the slow password check, so guesses sent at once cannot all slip
 * under the limit; a correct sign-in gives them back. Staff and forum sign-ins share it.
 */
export class SignInLimiter {
  private readonly perAccount: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;

  constructor(maxFailures: number, windowSeconds: number) {
    this.perAccount = new RateLimiterMemory({ points: maxFailures, duration: windowSeconds });
    this.perAddress = new RateLimiterMemory({ points: maxFailures * 10, duration: windowSeconds });
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
