import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { problem, ProblemError } from '@platform/contracts';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

export const PUBLIC_ROUTE = 'publicRoute';
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export interface AuthenticatedRequest extends FastifyRequest {
  actorId?: string;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Bearer token on every /api/v1 route; the admin token acts as the actor `admin`. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly admin: Buffer;

  constructor(
    private readonly reflector: Reflector,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.admin = digest(config.adminToken);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new ProblemError(problem(401, 'Send Authorization: Bearer <token>'));
    // Compare digests so the comparison takes the same time whatever the token's length.
    if (!timingSafeEqual(digest(match[1]), this.admin)) throw new ProblemError(problem(401, 'The token is not valid'));
    request.actorId = 'admin';
    return true;
  }
}
