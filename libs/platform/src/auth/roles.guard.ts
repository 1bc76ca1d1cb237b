import { ForbiddenException, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY, ROLES_KEY } from './decorators';
import type { PlatformRequest } from './request-context';
import type { Role } from './roles';

/** Global guard: the caller's role must be one the route lists; a route listing none is closed. */
@Injectable()
export class RolesGuard implements CanActivate {
  private readonly logger = new Logger(RolesGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const req = context.switchToHttp().getRequest<PlatformRequest>();
    if (!roles?.length) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares neither @Roles nor @Public`);
      throw new ForbiddenException('this route declares no roles');
    }
    const role = req.context?.actor.role as Role | undefined;
    if (!role || !roles.includes(role)) throw new ForbiddenException(`role ${role ?? '(none)'} may not do this`);
    return true;
  }
}
