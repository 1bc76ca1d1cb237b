import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import { EVENT_STORE, PG_POOL } from '../database/database.module';
import { ALL_TENANTS, type EventStore } from '../event-store/event-store.port';
import { OBSERVED_PROJECTIONS } from '../observability/observed-projections';
import type { Projection } from '../projections/projection';
import { projectionLag } from '../projections/projection-status';
import { READINESS_OPTIONS, readinessFrom, within, type ReadinessOptions } from './readiness';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

@Injectable()
export class DatabaseHealthIndicator {
  private readonly options: ReadinessOptions;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthIndicatorService,
    @Optional() @Inject(READINESS_OPTIONS) options?: ReadinessOptions,
    @Optional() @Inject(OBSERVED_PROJECTIONS) private readonly projections: readonly Projection[] = [],
  ) {
    this.options = options ?? readinessFrom();
  }

  async check(key = 'database') {
    const indicator = this.health.check(key);
    const started = Date.now();
    try {
      await within(this.options.timeoutMs, this.pool.query('SELECT 1'), 'the database');
      return indicator.up({ latencyMs: Date.now() - started });
    } catch (error) {
      return indicator.down({ message: message(error) });
    }
  }

  /** Down once the process is shutting down, so no new traffic is routed to it. */
  draining(active: boolean, key = 'process') {
    const indicator = this.health.check(key);
    return active ? indicator.down({ message: 'shutting down' }) : indicator.up();
  }

  /** The event store answers a read of the head of the log. */
  async eventStore(key = 'eventStore') {
    const indicator = this.health.check(key);
    const started = Date.now();
    try {
      await within(this.options.timeoutMs, this.store.headPosition(ALL_TENANTS), 'the event store');
      return indicator.up({ latencyMs: Date.now() - started });
    } catch (error) {
      return indicator.down({ message: message(error) });
    }
  }

  /** A broker of the cluster answers metadata; skipped (up, `configured: false`) without brokers. */
  async broker(key = 'broker') {
    const indicator = this.health.check(key);
    if (this.options.kafkaBrokers.length === 0) return indicator.up({ configured: false });
    const admin = new Kafka({
      clientId: 'kooperacja-health',
      brokers: [...this.options.kafkaBrokers],
      connectionTimeout: this.options.timeoutMs,
      requestTimeout: this.options.timeoutMs,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    }).admin();
    try {
      const cluster = await within(
        this.options.timeoutMs,
        admin.connect().then(() => admin.describeCluster()),
        'the Kafka broker',
      );
      return indicator.up({ configured: true, brokers: cluster.brokers.length });
    } catch (error) {
      return indicator.down({ configured: true, message: message(error) });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** Every partition of every observed projection (the relay included) within the lag threshold. */
  async projectionLag(key = 'projections') {
    const indicator = this.health.check(key);
    try {
      const lag = await within(this.options.timeoutMs, projectionLag(this.pool, this.projections), 'projection lag');
      const worst = lag.reduce((max, p) => Math.max(max, p.secondsBehind), 0);
      const behind = lag
        .filter((p) => p.secondsBehind > this.options.maxLagSeconds)
        .map((p) => `${p.projection}/${p.tenantId}`);
      const details = { maxSecondsBehind: Math.round(worst), thresholdSeconds: this.options.maxLagSeconds };
      return behind.length ? indicator.down({ ...details, behind }) : indicator.up(details);
    } catch (error) {
      return indicator.down({ message: message(error) });
    }
  }
}
