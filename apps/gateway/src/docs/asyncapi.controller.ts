import { Controller, Get, type Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { asyncApiDocument } from '@platform/contracts';
import { busPrefix, eventStreamName } from '@platform/messaging';
import { Public } from '../http/auth.guard';
import { API_BASE, type Route } from '../http/route-table';

/**
 * The AsyncAPI document of the bus, for services that call the platform over NATS or read its events: public, like
 * the OpenAPI document beside it. Built once, when the bus prefix of this installation is known.
 */
export function asyncApiController(routes: readonly Route[]): Type {
  @ApiExcludeController()
  @Public()
  @Controller('api/docs')
  class AsyncApiController {
    private readonly document = asyncApiDocument({
      prefix: busPrefix(),
      eventStream: eventStreamName(),
      routes: routes.map((r) => ({
        method: r.method,
        path: API_BASE + r.path.replace(/:(\w+)/g, '{$1}'),
        pattern: r.operation.pattern,
        summary: r.summary,
      })),
    });

    @Get('asyncapi.json')
    asyncApi() {
      return this.document;
    }
  }
  return AsyncApiController;
}
