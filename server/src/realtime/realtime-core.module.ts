import { Global, Module } from '@nestjs/common';
import { RealtimeService } from './realtime.service';

/** The publisher every feature may use, apart from the gateway (which depends on features). */
@Global()
@Module({ providers: [RealtimeService], exports: [RealtimeService] })
export class RealtimeCoreModule {}
