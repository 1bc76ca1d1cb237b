import {
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { Strategy } from 'passport-jwt';
import { AuthRejection, IdentityProviderUnavailableError } from './auth-rejection';
import { IS_PUBLIC_KEY } from './decorators';
import { authenticateRequest } from './jwt.strategy';
import { contextFromUser, type PlatformRequest } from './request-context';
import { JWT_STRATEGY } from './tokens';

/**
 * Global guard: every route needs a valid bearer token unless marked `@Public()`. Attaches the
 * user and the {@link RequestContext} to the request.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_STRATEGY) private readonly strategy: Strategy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const req = context.switchToHttp().getRequest<PlatformRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    try {
      const user = await authenticateRequest(this.strategy, req);
      req.user = user;
      req.context = contextFromUser(user, req);
      return true;
    } catch (error) {
      if (error instanceof AuthRejection) {
        res.setHeader(
          'WWW-Authenticate',
          error.reason === 'missing' ? 'Bearer realm="kooperacja"' : 'Bearer realm="kooperacja", error="invalid_token"',
        );
        throw new UnauthorizedException({
          statusCode: 401,
          error: 'Unauthorized',
          message: error.reason === 'missing' ? 'a bearer token is required' : 'the bearer token was refused',
          reason: error.reason,
        });
      }
      if (error instanceof IdentityProviderUnavailableError) {
        throw new ServiceUnavailableException('the identity provider cannot be reached; retry later');
      }
      throw error;
    }
  }
}
