import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AssistantPatterns,
  cloneAssistantSchema,
  createAssistantSchema,
  getAssistantQuerySchema,
  historyQuerySchema,
  listAssistantsQuerySchema,
  parseInput,
  popularAssistantsQuerySchema,
  recordUsageSchema,
  searchAssistantsQuerySchema,
  updateAssistantSchema,
  uuidSchema,
  type AssistantDto,
  type RequestMeta,
} from '@platform/contracts';
import { RpcClient } from '@platform/messaging';
import type { FastifyReply } from 'fastify';
import { ApiZod } from '../http/openapi';
import { Meta } from '../http/request-meta';

const BASE = '/api/v1/assistants';

/** REST edge of the assistants service: validate, send over the bus, shape the HTTP answer. No domain logic. */
@ApiTags('assistants')
@ApiBearerAuth()
@Controller('api/v1/assistants')
export class AssistantsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiZod({ body: createAssistantSchema, status: 201 })
  async create(@Body() body: unknown, @Meta() meta: RequestMeta, @Res({ passthrough: true }) reply: FastifyReply) {
    const created = await this.rpc.send<AssistantDto>(AssistantPatterns.create, {
      meta,
      body: parseInput(createAssistantSchema, body),
    });
    return this.created(reply, created);
  }

  @Get()
  @ApiZod({ query: listAssistantsQuerySchema })
  list(@Query() query: unknown, @Meta() meta: RequestMeta) {
    return this.rpc.send(AssistantPatterns.list, { meta, body: parseInput(listAssistantsQuerySchema, query) });
  }

  @Get('search')
  @ApiZod({ query: searchAssistantsQuerySchema })
  search(@Query() query: unknown, @Meta() meta: RequestMeta) {
    return this.rpc.send(AssistantPatterns.search, { meta, body: parseInput(searchAssistantsQuerySchema, query) });
  }

  @Get('popular')
  @ApiZod({ query: popularAssistantsQuerySchema })
  popular(@Query() query: unknown, @Meta() meta: RequestMeta) {
    return this.rpc.send(AssistantPatterns.popular, { meta, body: parseInput(popularAssistantsQuerySchema, query) });
  }

  @Get('types')
  types(@Meta() meta: RequestMeta) {
    return this.rpc.send(AssistantPatterns.types, { meta, body: {} });
  }

  @Get('statuses')
  statuses(@Meta() meta: RequestMeta) {
    return this.rpc.send(AssistantPatterns.statuses, { meta, body: {} });
  }

  @Get(':id')
  @ApiZod({ query: getAssistantQuerySchema })
  async get(
    @Param('id') id: string,
    @Query() query: unknown,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const body = { id: parseInput(uuidSchema, id, 'id'), query: parseInput(getAssistantQuerySchema, query) };
    return this.tagged(reply, await this.rpc.send<AssistantDto>(AssistantPatterns.get, { meta, body }));
  }

  @Put(':id')
  @ApiZod({ body: updateAssistantSchema })
  async update(
    @Param('id') id: string,
    @Body() changes: unknown,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const body = { id: parseInput(uuidSchema, id, 'id'), changes: parseInput(updateAssistantSchema, changes) };
    return this.tagged(reply, await this.rpc.send<AssistantDto>(AssistantPatterns.update, { meta, body }));
  }

  @Delete(':id')
  @HttpCode(204)
  async archive(@Param('id') id: string, @Meta() meta: RequestMeta): Promise<void> {
    await this.rpc.send(AssistantPatterns.archive, { meta, body: { id: parseInput(uuidSchema, id, 'id') } });
  }

  @Post(':id/clone')
  @ApiZod({ body: cloneAssistantSchema, status: 201 })
  async clone(
    @Param('id') id: string,
    @Body() clone: unknown,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const body = { id: parseInput(uuidSchema, id, 'id'), clone: parseInput(cloneAssistantSchema, clone ?? {}) };
    return this.created(reply, await this.rpc.send<AssistantDto>(AssistantPatterns.clone, { meta, body }));
  }

  @Post(':id/usage')
  @HttpCode(200)
  @ApiZod({ body: recordUsageSchema })
  async recordUsage(
    @Param('id') id: string,
    @Body() usage: unknown,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const body = { id: parseInput(uuidSchema, id, 'id'), usage: parseInput(recordUsageSchema, usage) };
    return this.tagged(reply, await this.rpc.send<AssistantDto>(AssistantPatterns.recordUsage, { meta, body }));
  }

  @Get(':id/history')
  @ApiZod({ query: historyQuerySchema })
  history(@Param('id') id: string, @Query() query: unknown, @Meta() meta: RequestMeta) {
    const body = { id: parseInput(uuidSchema, id, 'id'), query: parseInput(historyQuerySchema, query) };
    return this.rpc.send(AssistantPatterns.history, { meta, body });
  }

  private tagged(reply: FastifyReply, assistant: AssistantDto): AssistantDto {
    reply.header('ETag', `"${assistant.version}"`);
    return assistant;
  }

  private created(reply: FastifyReply, assistant: AssistantDto): AssistantDto {
    reply.status(201).header('Location', `${BASE}/${assistant.id}`);
    return this.tagged(reply, assistant);
  }
}
