import { Module } from '@nestjs/common';
import { TimelineModule } from '../timeline/timeline.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [TimelineModule], providers: [DemoSeedService] })
export class SeedModule {}
