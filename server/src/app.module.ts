import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { RateLimitModule } from './common/rate-limit';
import { CasesModule } from './cases/cases.module';
import { ChatModule } from './chat/chat.module';
import { VisitorTokensModule } from './chat/visitor-tokens.module';
import { ForumModule } from './forum/forum.module';
import { ImagesModule } from './images/images.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { CustomersModule } from './customers/customers.module';
import { HealthController } from './health/health.controller';
import { RealtimeCoreModule } from './realtime/realtime-core.module';
import { RealtimeModule } from './realtime/realtime.module';
import { PrivacyModule } from './privacy/privacy.module';
import { SeedModule } from './seed/seed.module';
import { StaffModule } from './staff/staff.module';
import { StoresModule } from './stores/stores.module';
import { StoriesModule } from './stories/stories.module';
import { VisitsModule } from './visits/visits.module';
import { WeChatModule } from './wechat/wechat.module';
import { PidFile } from './tools/pid-file';
import type { HearthRedis } from './realtime/redis';

@Module({})
export class AppModule {
  /** `redis`: with REDIS_URL, the shared connection (rate limits count in it). */
  static forRoot(config: AppConfig, redis?: HearthRedis): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        RateLimitModule.forRoot(redis?.client),
        DatabaseModule,
        RealtimeCoreModule,
        AuthModule,
        VisitorTokensModule,
        ImagesModule,
        StaffModule,
        StoresModule,
        CustomersModule,
        RealtimeModule,
        ChatModule,
        VisitsModule,
        CasesModule,
        StoriesModule,
        WeChatModule,
        ForumModule,
        AuditModule,
        PrivacyModule,
        SeedModule,
      ],
      controllers: [HealthController],
      providers: [PidFile],
    };
  }
}
