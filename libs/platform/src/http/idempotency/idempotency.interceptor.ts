import {
  ConflictException,
  Injectable,
  UnprocessableEntityException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { idempotencyKeyOf, type PlatformRequest } from '../../auth/request-context';
import { TENANT_PARAM } from '../../auth/tenant-path.guard';
import { errorBody } from '../error-body';
import { IdempotencyStore, type IdempotencyScope } from './idempotency.store';
import { requestHash } from './request-hash';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Headers of a first response that a replay repeats. */
const REPLAYED_HEADERS = ['etag', 'location', 'content-location'];

function replayableHeaders(res: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}

/**
 * Global: a write under `/api/v1/tenants/:tenantId/` sent with an `Idempotency-Key` runs once
 * per (tenant, subject, key). A retry with the same method, path and body gets the first
 * successful response again — status, ETag/Location and body — with `Idempotent-Replayed: true`; other content under the same key
 * is refused with 422; a retry while the first is still running gets 409. Failed requests
 * keep no record, so they may be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<PlatformRequest>();
    const tenantId = req.context?.tenantId;
    if (!WRITES.has(req.method) || req.params?.[TENANT_PARAM] === undefined || !tenantId) return next.handle();
    const key = idempotencyKeyOf(req);
    if (!key) return next.handle();

    const res = context.switchToHttp().getResponse<Response>();
    const scope: IdempotencyScope = { tenantId, subject: req.context!.actor.sub, key };
    const path = req.originalUrl.split('?')[0];
    const claim = await this.store.claim(scope, req.method, path, requestHash(req.body));
    switch (claim.kind) {
      case 'replay':
        res.status(claim.statusCode);
        for (const [name, value] of Object.entries(claim.headers)) res.setHeader(name, value);
        res.setHeader('Idempotent-Replayed', 'true');
        return of(claim.body);
      case 'mismatch':
        throw new UnprocessableEntityException(
          errorBody(422, 'this Idempotency-Key was used for a different request', { code: 'idempotency.key_reused' }),
        );
      case 'in_progress':
        res.setHeader('Retry-After', '1');
        throw new ConflictException(
          errorBody(409, 'a request with this Idempotency-Key is still running', { code: 'idempotency.in_progress' }),
        );
    }
    return next.handle().pipe(
      // The status and headers as the handler left them (e.g. 200 for a command already applied).
      mergeMap((body: unknown) =>
        from(this.store.complete(scope, res.statusCode, body, replayableHeaders(res)).then(() => body)),
      ),
      catchError((error: unknown) =>
        from(this.store.release(scope).catch(() => undefined)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }
}
