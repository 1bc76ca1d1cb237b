import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { VOIVODESHIP_FORBIDDEN } from '../auth/voivodeship-scope';
import type { PlatformRequest } from '../auth/request-context';
import { DomainError } from '../domain/decider';
import {
  EventStoreUnavailableError,
  IdempotencyConflictError,
  TenantRequiredError,
  WrongExpectedRevisionError,
} from '../event-store/errors';
import { isConnectionError } from '../event-store/postgres/postgres-event-store';
import { errorBody, type ErrorBody } from './error-body';

export interface MappedError {
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers?: Readonly<Record<string, string>>;
  /** Unexpected: log it with its stack. */
  readonly unexpected?: boolean;
}

const RETRY_AFTER_SECONDS = '5';

/** Maps anything a request can throw to a status and the API's error body. */
export function mapError(exception: unknown): MappedError {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const body =
      typeof response === 'string'
        ? errorBody(status, response)
        : ({ ...errorBody(status, exception.message), ...(response as object), statusCode: status } as ErrorBody);
    if (Array.isArray(body.message)) return { status, body: { ...body, message: body.message.join('; ') } };
    return status === 503 ? { status, body, headers: { 'Retry-After': RETRY_AFTER_SECONDS } } : { status, body };
  }
  if (exception instanceof DomainError) {
    const extra = {
      code: exception.code,
      ...(exception.field ? { errors: [{ field: exception.field, reason: exception.message }] } : {}),
    };
    if (exception.code === VOIVODESHIP_FORBIDDEN)
      return { status: 403, body: errorBody(403, exception.message, extra) };
    const status = exception.kind === 'invalid' ? 400 : exception.kind === 'not_found' ? 404 : 409;
    return { status, body: errorBody(status, exception.message, extra) };
  }
  if (exception instanceof WrongExpectedRevisionError) {
    return {
      status: 409,
      body: errorBody(409, 'the stream changed since you read it; reload and retry', {
        code: 'revision.conflict',
        currentRevision: exception.actual === 'no_stream' ? -1 : exception.actual,
      }),
    };
  }
  if (exception instanceof IdempotencyConflictError) {
    return { status: 409, body: errorBody(409, 'this command was partly applied before', { code: 'command.partial' }) };
  }
  if (exception instanceof TenantRequiredError) {
    return { status: 400, body: errorBody(400, 'a valid tenant is required', { code: 'tenant.invalid' }) };
  }
  if (exception instanceof EventStoreUnavailableError || isConnectionError(exception)) {
    return {
      status: 503,
      body: errorBody(503, 'the database is unavailable; retry later', { code: 'store.unavailable' }),
      headers: { 'Retry-After': RETRY_AFTER_SECONDS },
    };
  }
  const parser = bodyParserError(exception);
  if (parser) return parser;
  return { status: 500, body: errorBody(500, 'internal error'), unexpected: true };
}

/** body-parser's errors (they carry a `type`), which never reach Nest's filters. */
export function bodyParserError(exception: unknown): MappedError | null {
  const type = (exception as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.parse.failed':
      return { status: 400, body: errorBody(400, 'the body is not valid JSON', { code: 'body.malformed' }) };
    case 'entity.too.large':
      return { status: 413, body: errorBody(413, 'the body is too large', { code: 'body.too_large' }) };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return { status: 415, body: errorBody(415, 'unsupported body encoding', { code: 'body.encoding' }) };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return { status: 400, body: errorBody(400, 'the body could not be read', { code: 'body.unreadable' }) };
    default:
      return null;
  }
}

/** Global filter: every error leaves in the same shape, 500s without internals (logged). */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<PlatformRequest>();
    const mapped = mapError(exception);
    if (mapped.unexpected) {
      this.logger.error(
        `${req.method} ${req.originalUrl} [${req.requestId}]: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`,
      );
    }
    sendError(res, mapped, req.requestId);
  }
}

export function sendError(res: Response, mapped: MappedError, requestId: string | undefined): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  for (const [name, value] of Object.entries(mapped.headers ?? {})) res.setHeader(name, value);
  res.status(mapped.status).json({ ...mapped.body, ...(requestId ? { requestId } : {}) });
}
