import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseHealthIndicator } from './database.health';
import { Draining } from './draining';
import { HealthController } from './health.controller';
import { READINESS_OPTIONS, readinessFrom, type ReadinessOptions } from './readiness';

/**
 * `/health` (liveness) and `/health/ready` (readiness). Imported as is, readiness settings come
 * from the environment ({@link readinessFrom}); `forRoot` overrides them.
 */
@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [DatabaseHealthIndicator, Draining],
  exports: [DatabaseHealthIndicator, Draining],
})
export class HealthModule {
  static forRoot(options: Partial<ReadinessOptions> = {}): DynamicModule {
    return {
      module: HealthModule,
      providers: [{ provide: READINESS_OPTIONS, useFactory: () => ({ ...readinessFrom(), ...options }) }],
    };
  }
}
