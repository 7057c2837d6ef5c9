import { Controller } from '@nestjs/common';
import {
  ConversationNotFoundError,
  countMessageTokens,
  MessageNotFoundError,
  planFold,
  toWindowMessage,
  type Conversation,
  type NewMessage,
  type ConversationCommand,
} from '@platform/conversations-domain';
import {
  ConversationOperations as Ops,
  type AppendMessageBody,
  type MessageDto,
  type OperationInput,
  type RequestMeta,
} from '@platform/contracts';
import { CommandRunner, RpcOperation } from '@platform/service-kit';
import { v7 as uuidv7 } from 'uuid';
import { conversationAggregate } from '../../conversation.aggregate';
import { ProviderNotConfiguredError } from '../../conversation.errors';
import { GenerationStream, type StreamSink } from '../../generation/generation-stream';
import { ModelProvider } from '../../generation/model-provider';
import { ReplyGenerator } from '../../generation/reply-generator';
import { AssistantDirectory, type AssistantProfile } from '../../infrastructure/assistant-directory';
import { ConversationReadRepository } from '../../infrastructure/conversation-read.repository';

/**
 * Appending reads the conversation's assistant (its budget and model family) and, for threading, the history;
 * when the window must fold and a model provider is configured, the provider writes the summary first. With
 * `generate: true` the model's reply is appended after the user message, and is the answer.
 */
@Controller()
export class AppendMessageCommand {
  constructor(
    private readonly runner: CommandRunner,
    private readonly read: ConversationReadRepository,
    private readonly assistants: AssistantDirectory,
    private readonly provider: ModelProvider,
    private readonly replies: ReplyGenerator,
    private readonly streams: GenerationStream,
  ) {}

  @RpcOperation(Ops.appendMessage)
  append({ params, body }: OperationInput<typeof Ops.appendMessage>, meta: RequestMeta): Promise<MessageDto> {
    return this.handle(params.id, body, meta);
  }

  @RpcOperation(Ops.appendMessageStreaming)
  async appendStreaming(
    { params, query, body }: OperationInput<typeof Ops.appendMessageStreaming>,
    meta: RequestMeta,
  ): Promise<MessageDto> {
    const sink = await this.streams.open(query.streamId);
    try {
      return await this.handle(params.id, body, meta, sink);
    } finally {
      await sink.done();
    }
  }

  private async handle(id: string, body: AppendMessageBody, meta: RequestMeta, sink?: StreamSink): Promise<MessageDto> {
    if (body.generate && !this.provider.configured) throw new ProviderNotConfiguredError();
    const conversation = await this.read.get(id, meta);
    if (!conversation) throw new ConversationNotFoundError(id);
    const assistant = await this.assistantOf(conversation, meta);
    const parentFound = body.parentMessageId ? await this.read.exists(id, body.parentMessageId) : true;
    const message: NewMessage = {
      id: uuidv7(),
      role: body.role,
      content: body.content,
      toolCalls: body.toolCalls ?? null,
      toolCallId: body.toolCallId ?? null,
      parentMessageId: body.parentMessageId ?? null,
      metadata: body.metadata ?? {},
      tokenCount: countMessageTokens(body, assistant.model),
      model: body.model ?? null,
      responseTimeMs: body.responseTimeMs ?? null,
      usage: null,
      error: null,
    };
    const after = await this.appendOne(conversation, assistant, message, parentFound, meta);
    if (!body.generate) return this.stored(id, after.messageId);
    const reply = await this.replies.generate(after.conversation, assistant, after.messageId, sink);
    const stored = await this.appendOne(after.conversation, assistant, reply.message, true, {
      ...meta,
      idempotencyKey: undefined,
      expectedVersion: undefined,
    });
    if (reply.failure) throw reply.failure;
    return this.stored(id, stored.messageId);
  }

  /** Appends one message; the answer names the message (a repeated Idempotency-Key names the first one). */
  private async appendOne(
    conversation: Conversation,
    assistant: AssistantProfile,
    message: NewMessage,
    parentFound: boolean,
    meta: RequestMeta,
  ): Promise<{ messageId: string; conversation: Conversation }> {
    const modelSummary = await this.modelSummary(conversation, assistant, message);
    return this.runner.execute(
      conversationAggregate,
      conversation.id,
      meta,
      (c): ConversationCommand => ({
        type: 'AppendMessage',
        conversationId: c.id,
        now: c.now,
        message,
        parentFound,
        budgetTokens: assistant.budgetTokens,
        model: assistant.model,
        modelSummary,
      }),
      (doc) => ({ messageId: message.id, conversation: doc }),
    );
  }

  /**
   * The provider's summary of what this append will fold, if it will fold and a provider is configured. Planned on
   * the conversation as read; should a concurrent append change the fold, the decider uses the extractive one.
   */
  private async modelSummary(conversation: Conversation, assistant: AssistantProfile, message: NewMessage) {
    if (!this.provider.configured) return undefined;
    const { summary, window } = conversation.context;
    const next = toWindowMessage({ ...message, seq: conversation.lastSeq + 1, createdAt: '' });
    const { fold } = planFold([...window, next], summary?.tokenCount ?? 0, assistant.budgetTokens);
    if (fold.length === 0) return undefined;
    const turns = fold.map((m) => `${m.role}: ${m.content}`).join('\n');
    const text = await this.provider.summarize(assistant.model, summary?.text ?? null, turns);
    return text === null ? undefined : { foldedMessageIds: fold.map((m) => m.id), text };
  }

  private async assistantOf(conversation: Conversation, meta: RequestMeta): Promise<AssistantProfile> {
    const profile = await this.assistants.profile(
      conversation.assistantId,
      conversation.contextVariables,
      meta,
      false,
      conversation.environment,
    );
    // The assistant is gone from the assistants service (it never deletes, so this is a broken installation).
    if (!profile)
      throw new Error(`Assistant ${conversation.assistantId} of conversation ${conversation.id} is unknown`);
    return profile;
  }

  private async stored(conversationId: string, messageId: string): Promise<MessageDto> {
    const message = await this.read.message(conversationId, messageId);
    if (!message) throw new MessageNotFoundError(messageId);
    return message;
  }
}
