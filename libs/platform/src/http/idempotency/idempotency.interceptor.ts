import {
  ConflictException,
  Injectable,
  UnprocessableEntityException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Response } from 'express';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { idempotencyKeyOf, type PlatformRequest } from '../../auth/request-context';
import { TENANT_PARAM } from '../../auth/tenant-path.guard';
import { errorBody } from '../error-body';
import { IdempotencyStore, type IdempotencyScope } from './idempotency.store';
import { requestHash } from './request-hash';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Global: a write under `/api/v1/tenants/:tenantId/` sent with an `Idempotency-Key` runs once
 * per (tenant, subject, key). A retry with the same method, path and body gets the first
 * successful response again (`Idempotent-Replayed: true`); other content under the same key
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
    const statusCode =
      (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ??
      (req.method === 'POST' ? 201 : 200);
    return next.handle().pipe(
      mergeMap((body: unknown) => from(this.store.complete(scope, statusCode, body).then(() => body))),
      catchError((error: unknown) =>
        from(this.store.release(scope).catch(() => undefined)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }
}
