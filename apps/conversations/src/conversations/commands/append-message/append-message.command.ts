import { Controller } from '@nestjs/common';
import {
  ConversationNotFoundError,
  countMessageTokens,
  MessageNotFoundError,
  plannedFold,
  windowHeadSuffices,
  type Conversation,
  type ConversationCommand,
  type ConversationEvent,
  type NewMessage,
  type WindowMessage,
} from '@platform/conversations-domain';
import type { SqlExecutor } from '@platform/event-store';
import {
  canSee,
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
import { toMessageDto } from '../../conversation.mapper';
import {
  ConversationFactsCache,
  factsOf,
  sameFacts,
  StaleConversationFacts,
  type ConversationFacts,
} from '../../infrastructure/conversation-facts';

const MAX_FACT_ATTEMPTS = 3;

/** Messages of the window read at a time when an append folds (a fold takes about a summary's worth of tokens). */
const WINDOW_PAGE = 128;

/** What an append answers: the message as stored (an answer kept for an Idempotency-Key may name it only). */
interface Appended {
  messageId: string;
  message?: MessageDto;
}

/**
 * Appending reads the conversation's assistant (its budget and model family) and, for threading, the history;
 * when the window must fold and a model provider is configured, the provider writes the summary first. With
 * `generate: true` the model's reply is appended after the user message, and is the answer. Under the
 * conversation's lock the append reads only what its decision needs beyond the conversation's row: the oldest
 * messages of the window when it folds, the tool call ids the message names when it names any.
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
    private readonly facts: ConversationFactsCache,
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
    // With a model provider the append plans its summary on the conversation as it is, so it reads it; else the
    // facts this instance remembers suffice (checked again under the conversation's lock).
    let conversation: Conversation | null = null;
    let facts = this.provider.configured ? undefined : this.facts.get(id);
    if (!facts) {
      conversation = await this.read.get(id);
      if (!conversation) throw new ConversationNotFoundError(id);
      facts = this.remember(conversation);
    }
    const parentFound = body.parentMessageId ? await this.read.exists(id, body.parentMessageId) : true;
    const messageId = uuidv7();
    let first: Appended;
    for (let attempt = 1; ; attempt++) {
      if (!canSee(meta, facts.ownerId)) throw new ConversationNotFoundError(id);
      const assistant = await this.assistantOf(facts, meta);
      const message: NewMessage = {
        id: messageId,
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
      try {
        first = await this.appendOne(facts, conversation, assistant, message, parentFound, meta);
        break;
      } catch (err) {
        // The conversation's variables changed since this instance last saw it: ask with the ones it has now.
        if (!(err instanceof StaleConversationFacts) || attempt >= MAX_FACT_ATTEMPTS) throw err;
        conversation = err.current;
        facts = this.remember(err.current);
      }
    }
    if (!body.generate) return first.message ?? this.stored(id, first.messageId);
    // The model answers the conversation as it is now, the user's message in its window.
    const context = await this.read.withWindow(id);
    if (!context) throw new ConversationNotFoundError(id);
    const assistant = await this.assistantOf(factsOf(context.conversation), meta);
    const reply = await this.replies.generate(context, assistant, first.messageId, sink);
    const stored = await this.appendOne(
      factsOf(context.conversation),
      context.conversation,
      assistant,
      reply.message,
      true,
      {
        ...meta,
        idempotencyKey: undefined,
        expectedVersion: undefined,
      },
    );
    if (reply.failure) throw reply.failure;
    return stored.message ?? this.stored(id, stored.messageId);
  }

  private remember(conversation: Conversation): ConversationFacts {
    const facts = factsOf(conversation);
    this.facts.remember(facts);
    return facts;
  }

  /** Appends one message; the answer is the message stored (a repeated Idempotency-Key answers the first one). */
  private async appendOne(
    facts: ConversationFacts,
    conversation: Conversation | null,
    assistant: AssistantProfile,
    message: NewMessage,
    parentFound: boolean,
    meta: RequestMeta,
  ): Promise<Appended> {
    const modelSummary = conversation ? await this.modelSummary(conversation, assistant, message) : undefined;
    const named = [message.toolCallId, ...(message.toolCalls ?? []).map((t) => t.id)].filter(
      (callId): callId is string => callId !== null,
    );
    return this.runner.execute(
      conversationAggregate,
      facts.id,
      meta,
      async (c): Promise<ConversationCommand> => {
        // The assistant was asked about with these facts: under the lock they must still be the conversation's.
        if (c.current && !sameFacts(facts, c.current)) throw new StaleConversationFacts(c.current);
        return {
          type: 'AppendMessage',
          conversationId: c.id,
          now: c.now,
          message,
          parentFound,
          budgetTokens: assistant.budgetTokens,
          model: assistant.model,
          modelSummary,
          // Read in the append's transaction, under the conversation's lock: nothing of it can change before the
          // append.
          windowHead: c.current
            ? await this.windowHead(c.sql, c.current, message, assistant.budgetTokens)
            : { messages: [], complete: true },
          knownToolCallIds: await this.read.knownToolCalls(c.sql, c.id, named),
        };
      },
      (_doc, events): Appended => ({ messageId: message.id, message: answer(facts.id, message.id, events) }),
    );
  }

  /** The oldest messages of the window, as far as appending `message` folds (none while it fits the budget). */
  private async windowHead(sql: SqlExecutor | null, c: Conversation, message: NewMessage, budget: number) {
    let messages: WindowMessage[] = [];
    let complete = false;
    while (!windowHeadSuffices(c, message, budget, messages, complete)) {
      const page = await this.read.windowPage(sql, c.id, messages.at(-1)?.seq ?? 0, WINDOW_PAGE);
      messages = [...messages, ...page];
      complete = page.length < WINDOW_PAGE;
    }
    return { messages, complete };
  }

  /**
   * The provider's summary of what this append will fold, if it will fold and a provider is configured. Planned on
   * the conversation as read; should a concurrent append change the fold, the decider uses the extractive one.
   */
  private async modelSummary(conversation: Conversation, assistant: AssistantProfile, message: NewMessage) {
    if (!this.provider.configured) return undefined;
    const { summary } = conversation.context;
    const head = await this.windowHead(null, conversation, message, assistant.budgetTokens);
    const fold = plannedFold(conversation, message, assistant.budgetTokens, head.messages, head.complete) ?? [];
    if (fold.length === 0) return undefined;
    const turns = fold.map((m) => `${m.role}: ${m.content}`).join('\n');
    const text = await this.provider.summarize(assistant.model, summary?.text ?? null, turns);
    return text === null ? undefined : { foldedMessageIds: fold.map((m) => m.id), text };
  }

  private async assistantOf(conversation: ConversationFacts, meta: RequestMeta): Promise<AssistantProfile> {
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

/** The message as this append stored it, from its events: not yet rated, folded if this append folded it. */
function answer(
  conversationId: string,
  messageId: string,
  events: readonly ConversationEvent[],
): MessageDto | undefined {
  const appended = events.find((e) => e.type === 'MessageAppended' && e.data.message.id === messageId);
  if (appended?.type !== 'MessageAppended') return undefined;
  const compressed = events.some((e) => e.type === 'ContextCompressed' && e.data.foldedMessageIds.includes(messageId));
  return toMessageDto(conversationId, { doc: appended.data.message, compressed, feedback: null });
}
