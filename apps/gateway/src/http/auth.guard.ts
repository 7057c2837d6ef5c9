import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { problem, ProblemError } from '@platform/contracts';
import type { AuthenticatedRequest } from './authentication';

export const PUBLIC_ROUTE = 'publicRoute';
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Every route but the public ones needs the actor that `authenticate` found for the request. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.actorId) return true;
    throw new ProblemError(request.authFailure ?? problem(401, 'Send Authorization: Bearer <token>'));
  }
}
