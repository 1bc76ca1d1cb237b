import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { HttpConfig } from '../config/config';
import { preRoutingErrors, requestIds, requireJsonBody } from './middleware';

/**
 * Express-level setup every API process shares, in order: request ids, security headers,
 * CORS from the environment, JSON-only writes, the body size limit, and JSON errors for what
 * fails before routing. Call before `listen`/`init`, on an app created with `bodyParser: false`.
 */
export function configureHttpApp(app: NestExpressApplication, http: HttpConfig): void {
  app.use(requestIds);
  app.use(helmet());
  if (http.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...http.corsOrigins],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Correlation-Id', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'X-Correlation-Id', 'Retry-After', 'Idempotent-Replayed', 'WWW-Authenticate'],
      credentials: false,
      maxAge: 600,
    });
  }
  app.use(requireJsonBody);
  app.useBodyParser('json', { limit: http.bodyLimit, type: ['application/json', 'application/*+json'] });
  app.use(preRoutingErrors);
}
