import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { finalize, type Observable } from 'rxjs';
import { PlatformMetrics } from './metrics';

/** Counts requests and their latency by route pattern (never by raw path: ids stay out of labels). */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: PlatformMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
    const stop = this.metrics.httpDuration.startTimer({ method: req.method, route });
    return next.handle().pipe(
      finalize(() => {
        stop();
        res.once('finish', () =>
          this.metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) }),
        );
      }),
    );
  }
}
