import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { Public, Roles } from '../auth/decorators';
import { PG_POOL } from '../database/database.module';
import type { Projection } from '../projections/projection';
import { projectionLag } from '../projections/projection-status';
import { PlatformMetrics } from './metrics';
import { OBSERVED_PROJECTIONS, RELAY_PROJECTION } from './observed-projections';

export { OBSERVED_PROJECTIONS };

@ApiTags('operations')
@Controller()
export class OperationsController {
  constructor(
    private readonly metrics: PlatformMetrics,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(OBSERVED_PROJECTIONS) private readonly projections: readonly Projection[],
  ) {}

  @Get('metrics')
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics (no business data: counts, latencies, lag per tenant)' })
  async scrape(): Promise<string> {
    await this.refreshLag();
    return this.metrics.registry.metrics();
  }

  @Get('api/v1/status')
  @Roles('platform-operator', 'analyst')
  @ApiOperation({ summary: 'Projection lag per projection and tenant: positions and seconds behind' })
  async status() {
    const projections = await this.refreshLag();
    const worst = projections.reduce((max, p) => Math.max(max, p.secondsBehind), 0);
    return { status: worst > 60 ? 'lagging' : 'ok', maxSecondsBehind: worst, projections };
  }

  private async refreshLag() {
    const lag = await projectionLag(this.pool, this.projections);
    this.metrics.projectionLagEvents.reset();
    this.metrics.projectionLagSeconds.reset();
    let backlog = 0;
    for (const p of lag) {
      this.metrics.projectionLagEvents.set({ projection: p.projection, tenant: p.tenantId }, p.eventsBehind);
      this.metrics.projectionLagSeconds.set({ projection: p.projection, tenant: p.tenantId }, p.secondsBehind);
      if (p.projection === RELAY_PROJECTION) backlog += p.eventsBehind;
    }
    this.metrics.relayBacklog.set(backlog);
    return lag;
  }
}
