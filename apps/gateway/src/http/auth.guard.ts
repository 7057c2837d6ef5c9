import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { allows, problem, ProblemError, type Permission } from '@platform/contracts';
import type { AuthenticatedRequest } from './authentication';

export const PUBLIC_ROUTE = 'publicRoute';
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const ROUTE_PERMISSION = 'routePermission';
/** The permission a route needs; route tables set it on every generated handler (see route-table.ts). */
export const RequiresPermission = (permission: Permission) => SetMetadata(ROUTE_PERMISSION, permission);

/**
 * Every route but the public ones needs the principal that `authenticate` found for the request, and that
 * principal's role must grant the route's permission (403 naming it). A handler without a permission is refused
 * for everyone: forgetting to decide never opens a route.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = request.principal;
    if (!principal) throw new ProblemError(request.authFailure ?? problem(401, 'Send Authorization: Bearer <token>'));
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(ROUTE_PERMISSION, targets);
    if (!permission) throw new ProblemError(problem(403, 'This route has no permission decision: it is closed'));
    if (!allows(principal.role, permission)) {
      throw new ProblemError({
        ...problem(403, `The ${principal.role} role does not have the permission ${permission}`),
        permission,
      });
    }
    return true;
  }
}
