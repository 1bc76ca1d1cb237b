import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What became of a command sent over HTTP, from its status. */
export type CommandOutcome = 'accepted' | 'replayed' | 'refused' | 'conflict' | 'unavailable' | 'failed';

export function commandOutcome(status: number, replayed: boolean): CommandOutcome {
  if (status < 400) return replayed ? 'replayed' : 'accepted';
  if (status === 409) return 'conflict';
  if (status === 503) return 'unavailable';
  return status < 500 ? 'refused' : 'failed';
}

/**
 * The process's Prometheus metrics. One registry per process (not prom-client's global one),
 * so tests can build several apps side by side.
 */
export class PlatformMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'kooperacja_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'kooperacja_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'kooperacja_commands_total',
    help: 'Commands (tenant writes) by route pattern and outcome: accepted, replayed, refused, conflict, unavailable, failed',
    labelNames: ['route', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly appends = new Counter({
    name: 'kooperacja_event_store_appends_total',
    help: 'Appends to the event store by this process (one per command that wrote events)',
    registers: [this.registry],
  });

  readonly projectionLagEvents = new Gauge({
    name: 'kooperacja_projection_lag_events',
    help: 'Handled events not yet applied, per projection (the Kafka relay included) and tenant',
    labelNames: ['projection', 'tenant'] as const,
    registers: [this.registry],
  });

  readonly projectionLagSeconds = new Gauge({
    name: 'kooperacja_projection_lag_seconds',
    help: 'Age of the oldest handled event not yet applied, per projection and tenant',
    labelNames: ['projection', 'tenant'] as const,
    registers: [this.registry],
  });

  readonly relayBacklog = new Gauge({
    name: 'kooperacja_relay_backlog_events',
    help: 'Stored events the Kafka relay has not yet published, all tenants together',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'kooperacja_' });
  }
}
