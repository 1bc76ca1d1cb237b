import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/decorators';
import { DatabaseHealthIndicator } from './database.health';
import { Draining } from './draining';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly checks: DatabaseHealthIndicator,
    private readonly draining: Draining,
  ) {}

  /** Liveness: the process serves HTTP. Nothing external, so an outage never restarts it. */
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency is checked)' })
  check() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: database, event store, Kafka broker (when configured), projection lag under the threshold',
  })
  ready() {
    return this.health.check([
      () => this.checks.draining(this.draining.active),
      () => this.checks.check(),
      () => this.checks.eventStore(),
      () => this.checks.broker(),
      () => this.checks.projectionLag(),
    ]);
  }
}
