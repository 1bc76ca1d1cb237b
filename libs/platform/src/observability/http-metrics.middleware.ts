import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { routePattern } from '../logging/log-fields';
import { commandOutcome, PlatformMetrics } from './metrics';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Counts every request, refused ones included (guards answer before interceptors run), with
 * its latency by route pattern, never by raw path: ids stay out of labels. Writes on tenant
 * routes are commands: counted by outcome too.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: PlatformMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = routePattern(req);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.httpDuration.observe({ method: req.method, route }, seconds);
      this.metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      if (WRITES.has(req.method) && route.includes(':tenantId')) {
        const replayed = res.getHeader('Idempotent-Replayed') === 'true';
        this.metrics.commands.inc({ route, outcome: commandOutcome(res.statusCode, replayed) });
      }
    });
    next();
  }
}
