import { Injectable } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumeOrThrow, RateLimits } from '../common/rate-limit';
import { UPLOADS_PER_MINUTE, VISITOR_UPLOADS_PER_ADDRESS_PER_MINUTE } from './image-limits';
import { ImageErrors } from './images.errors';
import type { Uploader } from './images.service';

/** Uploads per uploader, and per address for visitors. */
@Injectable()
export class UploadLimiter {
  private readonly perUploader: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(limits: RateLimits) {
    this.perUploader = limits.create('uploads:uploader', UPLOADS_PER_MINUTE, 60);
    this.perAddress = limits.create('uploads:address', VISITOR_UPLOADS_PER_ADDRESS_PER_MINUTE, 60);
  }

  async consume(uploader: Uploader, address: string): Promise<void> {
    await take(this.perUploader, `${uploader.type}:${uploader.id}`);
    if (uploader.type === 'visitor') await take(this.perAddress, address);
  }
}

const take = (limiter: RateLimiterAbstract, key: string) => consumeOrThrow(limiter, key, ImageErrors.rateLimited);
