import { randomUUID } from 'node:crypto';
import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { v5 as uuidv5 } from 'uuid';
import type { CommandContext } from '../domain/command-runner';
import type { Actor } from '../event-store/event-store.port';
import { requestHash } from '../http/idempotency/request-hash';
import type { AuthenticatedUser } from './claims';

/** Who is calling, for which tenant, under which request and correlation ids. */
export interface RequestContext {
  /** The token's tenant (tenant roles only), never taken from the body or the path. */
  readonly tenantId?: string;
  readonly actor: Actor;
  /** tenant-editor only: the voivodeships it may record facts for. */
  readonly voivodeships?: readonly string[];
  readonly requestId: string;
  readonly correlationId: string;
}

/** An Express request as the platform's middleware and guards leave it. */
export interface PlatformRequest extends Request {
  requestId: string;
  correlationId: string;
  user?: AuthenticatedUser;
  context?: RequestContext;
}

const COMMAND_ID_NAMESPACE = 'a3c1f0e2-6b7d-4f0a-9c52-1d8e7b2f4a90';
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export function contextFromUser(user: AuthenticatedUser, req: Pick<PlatformRequest, 'requestId' | 'correlationId'>) {
  const context: RequestContext = {
    tenantId: user.tenantId,
    actor: { sub: user.sub, role: user.role, ...(user.tenantId ? { tenantId: user.tenantId } : {}) },
    ...(user.voivodeships ? { voivodeships: user.voivodeships } : {}),
    requestId: req.requestId,
    correlationId: req.correlationId,
  };
  return context;
}

/** The `Idempotency-Key` header, if any; 400 when it is not 1-255 visible ASCII characters. */
export function idempotencyKeyOf(req: Pick<Request, 'headers'>): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !IDEMPOTENCY_KEY.test(raw)) {
    throw new BadRequestException('Idempotency-Key must be 1-255 visible ASCII characters');
  }
  return raw;
}

/** The request path without its query, as the idempotency scope and command ids use it. */
export function routeOf(req: Pick<Request, 'method' | 'originalUrl'>): string {
  return `${req.method} ${req.originalUrl.split('?')[0]}`;
}

/**
 * The platform's CommandContext for a request: tenant and actor from the token; a command id
 * derived from the Idempotency-Key (with tenant, subject, route and body hash) so a retried
 * request appends the same event ids, else random; causation = the command.
 */
export function commandContextFrom(req: PlatformRequest): CommandContext {
  const ctx = req.context;
  if (!ctx?.tenantId) throw new Error('@CommandCtx() needs a tenant route called with a tenant token');
  const key = idempotencyKeyOf(req);
  const commandId = key
    ? uuidv5([ctx.tenantId, ctx.actor.sub, routeOf(req), key, requestHash(req.body)].join('\n'), COMMAND_ID_NAMESPACE)
    : randomUUID();
  return {
    tenantId: ctx.tenantId,
    actor: ctx.actor,
    commandId,
    correlationId: ctx.correlationId,
    causationId: commandId,
    ...(ctx.voivodeships ? { voivodeships: ctx.voivodeships } : {}),
  };
}

/** The caller's {@link RequestContext} (routes with `@Roles` only). */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext => {
  const req = host.switchToHttp().getRequest<PlatformRequest>();
  if (!req.context) throw new Error('@Ctx() used on a route without authentication (@Public?)');
  return req.context;
});

/** The platform CommandContext of a write under `/api/v1/tenants/:tenantId/`. */
export const CommandCtx = createParamDecorator((_: unknown, host: ExecutionContext): CommandContext =>
  commandContextFrom(host.switchToHttp().getRequest<PlatformRequest>()),
);
