import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  linkPromptSchema,
  parseInput,
  PromptPatterns,
  suggestionsQuerySchema,
  systemPromptRequestSchema,
  updatePromptLinkSchema,
  uuidSchema,
  type PromptLinkDto,
  type RequestMeta,
} from '@platform/contracts';
import { RpcClient } from '@platform/messaging';
import type { FastifyReply } from 'fastify';
import { ApiZod } from '../http/openapi';
import { Meta } from '../http/request-meta';

const id = (value: string, field = 'id') => parseInput(uuidSchema, value, field);

/** Prompts linked to assistants, suggestions, and the composed system prompt. */
@ApiTags('assistant prompts')
@ApiBearerAuth()
@Controller('api/v1/assistants')
export class AssistantPromptsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('prompts/:promptId/assistants')
  linkedAssistants(@Param('promptId') promptId: string, @Meta() meta: RequestMeta) {
    return this.rpc.send(PromptPatterns.linkedAssistants, { meta, body: { promptId: id(promptId, 'promptId') } });
  }

  @Post(':id/prompts')
  @ApiZod({ body: linkPromptSchema as never, status: 201 })
  async link(
    @Param('id') assistantId: string,
    @Body() link: unknown,
    @Meta() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const body = { id: id(assistantId), link: parseInput(linkPromptSchema, link) };
    const created = await this.rpc.send<PromptLinkDto>(PromptPatterns.link, { meta, body });
    reply.status(201).header('Location', `/api/v1/assistants/${body.id}/prompts/${created.promptId}`);
    return created;
  }

  @Get(':id/prompts')
  links(@Param('id') assistantId: string, @Meta() meta: RequestMeta) {
    return this.rpc.send(PromptPatterns.links, { meta, body: { id: id(assistantId) } });
  }

  @Get(':id/prompts/suggestions')
  @ApiZod({ query: suggestionsQuerySchema })
  suggestions(@Param('id') assistantId: string, @Query() query: unknown, @Meta() meta: RequestMeta) {
    return this.rpc.send(PromptPatterns.suggestions, {
      meta,
      body: { id: id(assistantId), query: parseInput(suggestionsQuerySchema, query) },
    });
  }

  @Put(':id/prompts/:promptId')
  @ApiZod({ body: updatePromptLinkSchema as never })
  updateLink(
    @Param('id') assistantId: string,
    @Param('promptId') promptId: string,
    @Body() changes: unknown,
    @Meta() meta: RequestMeta,
  ) {
    const body = {
      id: id(assistantId),
      promptId: id(promptId, 'promptId'),
      changes: parseInput(updatePromptLinkSchema, changes),
    };
    return this.rpc.send(PromptPatterns.updateLink, { meta, body });
  }

  @Delete(':id/prompts/:promptId')
  @HttpCode(204)
  async unlink(
    @Param('id') assistantId: string,
    @Param('promptId') promptId: string,
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    await this.rpc.send(PromptPatterns.unlink, {
      meta,
      body: { id: id(assistantId), promptId: id(promptId, 'promptId') },
    });
  }

  @Post(':id/system-prompt')
  @HttpCode(200)
  @ApiZod({ body: systemPromptRequestSchema })
  compose(@Param('id') assistantId: string, @Body() request: unknown, @Meta() meta: RequestMeta) {
    const body = { id: id(assistantId), request: parseInput(systemPromptRequestSchema, request ?? {}) };
    return this.rpc.send(PromptPatterns.systemPrompt, { meta, body });
  }

  @Get(':id/system-prompt')
  composeWithoutVariables(@Param('id') assistantId: string, @Meta() meta: RequestMeta) {
    return this.rpc.send(PromptPatterns.systemPrompt, {
      meta,
      body: { id: id(assistantId), request: { variables: {} } },
    });
  }
}
