import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { UPLOADS_PER_MINUTE, VISITOR_UPLOADS_PER_ADDRESS_PER_MINUTE } from './image-limits';
import { ImageErrors } from './images.errors';
import type { Uploader } from './images.service';

/** Uploads per uploader, and per address for visitors. In memory, per instance, like the sign-in limit. */
@Injectable()
export class UploadLimiter {
  private readonly perUploader = new RateLimiterMemory({ points: UPLOADS_PER_MINUTE, duration: 60 });
  private readonly perAddress = new RateLimiterMemory({ points: VISITOR_UPLOADS_PER_ADDRESS_PER_MINUTE, duration: 60 });

  async consume(uploader: Uploader, address: string): Promise<void> {
    await take(this.perUploader, `${uploader.type}:${uploader.id}`);
    if (uploader.type === 'visitor') await take(this.perAddress, address);
  }
}

async function take(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (res) {
    if (res instanceof RateLimiterRes) throw ImageErrors.rateLimited(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
    throw res;
  }
}
