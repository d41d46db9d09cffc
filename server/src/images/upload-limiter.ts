import { Injectable } from '@nestjs/common';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { consumeOrThrow } from '../common/rate-limit';
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

const take = (limiter: RateLimiterMemory, key: string) => consumeOrThrow(limiter, key, ImageErrors.rateLimited);
