import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { CustomersService } from '../customers/customers.service';
import { CustomerErasure } from './customer-erasure';
import { ERASE_AGAIN_FILE, readEraseAgain } from './erase-again';

/** At start, before serving anyone: erases again the customers `npm run restore` listed (see erase-again.ts). */
@Injectable()
export class EraseAgainAfterRestore implements OnApplicationBootstrap {
  private readonly logger = new Logger(EraseAgainAfterRestore.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly customers: CustomersService,
    private readonly erasure: CustomerErasure,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const waiting = readEraseAgain(this.config.dataDir);
    if (!waiting.length) return;
    for (const { customerId, staff } of waiting) {
      const customer = await this.customers.get(customerId).catch(() => null);
      if (!customer || customer.erasedAt) continue;
      // Erasure is idempotent: if one fails, the server does not start (it would serve what should
      // be gone); the file stays, and the next start goes on from there.
      await this.erasure.erase(customerId, customer.displayName, { staff, clientAddress: 'npm run restore' }).catch((err: Error) => {
        throw new Error(`${ERASE_AGAIN_FILE}: customer ${customerId} could not be erased again after the restore (${err.message}).`);
      });
    }
    fs.rmSync(path.join(this.config.dataDir, ERASE_AGAIN_FILE));
    this.logger.log({ msg: 'Customers erased after the restored backup was taken are erased again', count: waiting.length });
  }
}
