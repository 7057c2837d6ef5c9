import { Injectable } from '@nestjs/common';
import {
  countMessageTokens,
  type Conversation,
  type NewMessage,
  type WindowMessage,
} from '@platform/conversations-domain';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { v7 as uuidv7 } from 'uuid';
import { ProviderFailedError, ProviderTimeoutError } from '../conversation.errors';
import type { AssistantProfile } from '../infrastructure/assistant-directory';
import type { StreamSink } from './generation-stream';
import { ModelCallError, ModelProvider } from './model-provider';

/** The system prompt, the summary of folded turns, and the window, as chat messages for the provider. */
export function composeRequest(
  conversation: Conversation,
  window: readonly WindowMessage[],
  assistant: AssistantProfile,
): ChatCompletionMessageParam[] {
  const { summary } = conversation.context;
  const system = [
    assistant.systemPrompt,
    summary ? `Summary of the earlier conversation:\n${summary.text}` : '',
  ].filter(Boolean);
  const calls = new Set(window.flatMap((m) => (m.toolCalls ?? []).map((t) => t.id)));
  return [
    ...(system.length ? [{ role: 'system' as const, content: system.join('\n\n') }] : []),
    // A tool result whose call was folded away would be refused by the provider; the summary speaks for it.
    ...window.filter((m) => m.role !== 'tool' || calls.has(m.toolCallId ?? '')).map(toChat),
  ];
}

function toChat(m: WindowMessage): ChatCompletionMessageParam {
  switch (m.role) {
    case 'assistant':
      return m.toolCalls
        ? {
            role: 'assistant',
            content: m.content || null,
            tool_calls: m.toolCalls.map((t) => ({
              id: t.id,
              type: 'function' as const,
              function: { name: t.name, arguments: t.arguments },
            })),
          }
        : { role: 'assistant', content: m.content };
    case 'tool':
      return { role: 'tool', tool_call_id: m.toolCallId ?? '', content: m.content };
    case 'system':
      return { role: 'system', content: m.content };
    case 'user':
      return { role: 'user', content: m.content };
    default: {
      const unreachable: never = m.role;
      throw new Error(`Unknown role ${String(unreachable)}`);
    }
  }
}

/**
 * Asks the model for the assistant's reply to the conversation as it is. A failure is not lost: it becomes an
 * assistant message with `error` set (stored by the caller), and the error the caller answers with (502, 504).
 */
@Injectable()
export class ReplyGenerator {
  constructor(private readonly provider: ModelProvider) {}

  async generate(
    { conversation, window }: { conversation: Conversation; window: WindowMessage[] },
    assistant: AssistantProfile,
    userMessageId: string,
    sink?: StreamSink,
  ): Promise<{ message: NewMessage; failure?: ProviderFailedError }> {
    const id = uuidv7();
    const started = performance.now();
    const base = { id, role: 'assistant' as const, toolCallId: null, parentMessageId: userMessageId, metadata: {} };
    try {
      const reply = await this.provider.reply(
        {
          model: assistant.model,
          messages: composeRequest(conversation, window, assistant),
          maxTokens: assistant.maxTokens,
          temperature: assistant.temperature,
          topP: assistant.topP,
        },
        sink && ((text) => sink.delta(text)),
      );
      return {
        message: {
          ...base,
          content: reply.content,
          toolCalls: reply.toolCalls,
          tokenCount: countMessageTokens(reply, assistant.model),
          model: reply.model,
          responseTimeMs: elapsed(started),
          usage: reply.usage,
          error: null,
        },
      };
    } catch (err) {
      const failure =
        err instanceof ModelCallError
          ? err
          : new ModelCallError('provider_error', String((err as Error)?.message), null);
      const Failure = failure.code === 'timeout' ? ProviderTimeoutError : ProviderFailedError;
      return {
        message: {
          ...base,
          content: '',
          toolCalls: null,
          tokenCount: 0,
          model: assistant.model,
          responseTimeMs: elapsed(started),
          usage: null,
          error: { code: failure.code, message: failure.message, status: failure.status },
        },
        failure: new Failure(failure.message, id),
      };
    }
  }
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;
