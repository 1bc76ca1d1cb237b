import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'kooperacja_commands_total',
    help: 'Commands by stream type and outcome (accepted, idempotent, refused, conflict, failed)',
    labelNames: ['stream', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly appendedEvents = new Counter({
    name: 'kooperacja_events_appended_total',
    help: 'Events appended to the event store by this process',
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

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'kooperacja_' });
  }
}
