import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createPromptSchema,
  getPromptQuerySchema,
  listPromptsQuerySchema,
  movePromptLabelSchema,
  parseInput,
  PromptPatterns,
  promptVersionsQuerySchema,
  revisePromptSchema,
  uuidSchema,
  type PromptDto,
  type RequestMeta,
} from '@platform/contracts';
import { RpcClient } from '@platform/messaging';
import type { FastifyReply } from 'fastify';
import { ApiZod } from '../http/openapi';
import { Meta } from '../http/request-meta';

/** Versioned prompts with movable labels. No domain logic: validate, send, shape the answer. */
@ApiTags('prompts')
@ApiBearerAuth()
@Controller('api/v1/prompts')
export class PromptsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiZod({ body: createPromptSchema, status: 201 })
  async create(@Body() body: unknown, @Meta() meta: RequestMeta, @Res({ passthrough: true }) reply: FastifyReply) {
    const prompt = await this.rpc.send<PromptDto>(PromptPatterns.create, {
      meta,
      body: parseInput(createPromptSchema, body),
    });
    reply.status(201).header('Location', `/api/v1/prompts/${prompt.id}`);
    return tagged(reply, prompt);
  }

  @Get()
  @ApiZod({ query: listPromptsQuerySchema })
  list(@Query() query: unknown, @Meta() meta: RequestMeta) {
    return this.rpc.send(PromptPatterns.list, { meta, body: parseInput(listPromptsQuerySchema, query) });
  }

  @Get(':id')
  @ApiZod({ query: getPromptQuerySchema as never })
  async get(
    @Param('id') id: string,
    @Query() query: unknown,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const body = { id: parseInput(uuidSchema, id, 'id'), query: parseInput(getPromptQuerySchema, query) };
    return tagged(reply, await this.rpc.send<PromptDto>(PromptPatterns.get, { meta, body }));
  }

  @Put(':id')
  @ApiZod({ body: revisePromptSchema })
  async revise(
    @Param('id') id: string,
    @Body() changes: unknown,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const body = { id: parseInput(uuidSchema, id, 'id'), changes: parseInput(revisePromptSchema, changes) };
    return tagged(reply, await this.rpc.send<PromptDto>(PromptPatterns.revise, { meta, body }));
  }

  @Get(':id/versions')
  @ApiZod({ query: promptVersionsQuerySchema })
  versions(@Param('id') id: string, @Query() query: unknown, @Meta() meta: RequestMeta) {
    const body = { id: parseInput(uuidSchema, id, 'id'), query: parseInput(promptVersionsQuerySchema, query) };
    return this.rpc.send(PromptPatterns.versions, { meta, body });
  }

  @Post(':id/labels')
  @HttpCode(200)
  @ApiZod({ body: movePromptLabelSchema })
  async moveLabel(
    @Param('id') id: string,
    @Body() move: unknown,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const body = { id: parseInput(uuidSchema, id, 'id'), move: parseInput(movePromptLabelSchema, move) };
    return tagged(reply, await this.rpc.send<PromptDto>(PromptPatterns.moveLabel, { meta, body }));
  }

  @Delete(':id/labels/:label')
  @HttpCode(204)
  async removeLabel(@Param('id') id: string, @Param('label') label: string, @Meta() meta: RequestMeta): Promise<void> {
    await this.rpc.send(PromptPatterns.removeLabel, { meta, body: { id: parseInput(uuidSchema, id, 'id'), label } });
  }
}

function tagged(reply: FastifyReply, prompt: PromptDto): PromptDto {
  reply.header('ETag', `"${prompt.latestVersion}"`);
  return prompt;
}
