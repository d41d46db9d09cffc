import { Global, Module } from '@nestjs/common';
import { PresenceService } from './presence.service';
import { RealtimeService } from './realtime.service';

/** The publisher every feature may use, apart from the gateway (which depends on features). */
@Global()
@Module({ providers: [RealtimeService, PresenceService], exports: [RealtimeService, PresenceService] })
export class RealtimeCoreModule {}
