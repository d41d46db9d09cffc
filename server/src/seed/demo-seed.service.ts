import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InboxService } from '../chat/inbox.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppMeta } from '../database/app-meta.entity';
import { Transactor } from '../database/transactor';
import { ForumAccountsService } from '../forum/accounts.service';
import { ForumBoardsService } from '../forum/boards.service';
import { ForumService } from '../forum/forum.service';
import { ForumModerationService } from '../forum/moderation.service';
import { Staff } from '../staff/staff.entity';
import { TimelineService } from '../timeline/timeline.service';
import { DEMO_PASSWORD, DEMO_SEED_STEPS, DEMO_STAFF, SeedContext } from './demo-data';

const DEMO_KEY = 'demo';

/**
 * Fills an empty database with a believable demo on first start. A database with real data is
 * never touched: only one that was seeded as a demo receives later demo steps.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly tx: Transactor,
    private readonly timeline: TimelineService,
    private readonly inbox: InboxService,
    private readonly forumAccounts: ForumAccountsService,
    private readonly forumBoards: ForumBoardsService,
    private readonly forum: ForumService,
    private readonly forumModeration: ForumModerationService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const isDemo = await this.tx.run(async (m) => {
      if (await m.existsBy(AppMeta, { key: DEMO_KEY })) return true;
      if ((await m.count(Staff)) > 0) return false;
      await m.insert(AppMeta, { key: DEMO_KEY, value: new Date().toISOString() });
      return true;
    });
    if (!isDemo) return;

    const ctx: SeedContext = {
      timeline: this.timeline,
      inbox: this.inbox,
      forum: { accounts: this.forumAccounts, boards: this.forumBoards, forum: this.forum, moderation: this.forumModeration },
      dataSource: this.dataSource,
      tx: this.tx,
      longHistory: this.config.demoLongHistory,
      storeTimeZone: this.config.storeTimeZone,
      stories: this.config.demoStories,
      forumDemo: this.config.demoForum,
    };
    for (const step of DEMO_SEED_STEPS) {
      if (step.enabled && !step.enabled(ctx)) continue;
      const key = `${DEMO_KEY}:${step.key}`;
      let ran: boolean;
      if ('runAlone' in step) {
        ran = !(await this.dataSource.getRepository(AppMeta).existsBy({ key }));
        if (ran) {
          await step.runAlone(ctx);
          await this.tx.run((m) => m.insert(AppMeta, { key, value: new Date().toISOString() }));
        }
      } else {
        ran = await this.tx.run(async (m) => {
          if (await m.existsBy(AppMeta, { key })) return false;
          await step.run(m, ctx);
          await m.insert(AppMeta, { key, value: new Date().toISOString() });
          return true;
        });
      }
      if (ran) this.logger.log(`Demo data added: ${step.key}`);
    }
    this.logger.log(
      `Demo sign-in (password "${DEMO_PASSWORD}" for all): ${DEMO_STAFF.map((s) => `${s.email} (${s.role})`).join(', ')}`,
    );
  }

  /** For tests and tools: whether this database holds the demo. */
  async isDemo(): Promise<boolean> {
    return this.dataSource.getRepository(AppMeta).existsBy({ key: DEMO_KEY });
  }
}
