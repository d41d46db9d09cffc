import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type MergeHook = (m: EntityManager, fromId: string, intoId: string) => Promise<void>;

/**
 * Features that keep their own per-customer rows (the chat inbox, later cases) register here, and
 * a merge runs them inside its transaction, so nothing is left pointing at the merged-away customer.
 */
@Injectable()
export class MergeHooks {
  private readonly hooks: MergeHook[] = [];

  register(hook: MergeHook) {
    this.hooks.push(hook);
  }

  async run(m: EntityManager, fromId: string, intoId: string) {
    for (const hook of this.hooks) await hook(m, fromId, intoId);
  }
}
