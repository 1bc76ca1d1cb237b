import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { PlatformRequest } from '../auth/request-context';
import { bodyParserError, sendError } from './api-exception.filter';
import { errorBody } from './error-body';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/(json|[a-z0-9.+-]+\+json)$/;

/** Request id (`X-Request-Id`) and correlation id (`X-Correlation-Id`): taken when well-formed, else new. */
export function requestIds(req: Request, res: Response, next: NextFunction): void {
  const r = req as PlatformRequest;
  r.requestId = pick(req.headers['x-request-id']) ?? randomUUID();
  r.correlationId = pick(req.headers['x-correlation-id']) ?? randomUUID();
  res.setHeader('X-Request-Id', r.requestId);
  res.setHeader('X-Correlation-Id', r.correlationId);
  next();
}

/** A write with a body must send JSON (415 otherwise); writes without a body pass. */
export function requireJsonBody(req: Request, res: Response, next: NextFunction): void {
  if (!WRITES.has(req.method)) return next();
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (!hasBody) return next();
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (JSON_TYPE.test(type)) return next();
  sendError(
    res,
    { status: 415, body: errorBody(415, 'send the body as application/json', { code: 'body.content_type' }) },
    (req as PlatformRequest).requestId,
  );
}

const logger = new Logger('HTTP');

/** Errors raised before routing (body parsing): the API's error shape instead of Express's page. */
export function preRoutingErrors(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const mapped = bodyParserError(error) ?? {
    status: 500,
    body: errorBody(500, 'internal error'),
  };
  if (mapped.status === 500) logger.error(`${req.method} ${req.originalUrl}: ${String(error)}`);
  sendError(res, mapped, (req as PlatformRequest).requestId);
}

function pick(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && SAFE_ID.test(value) ? value : undefined;
}
