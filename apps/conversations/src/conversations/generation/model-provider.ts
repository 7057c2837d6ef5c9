import { Injectable, Logger } from '@nestjs/common';
import { durationMs } from '@platform/messaging';
import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';

export interface ModelRequest {
  model: string;
  messages: ChatCompletionMessageParam[];
  maxTokens: number;
  temperature: number;
  topP: number;
}

export interface ModelReply {
  content: string;
  toolCalls: { id: string; name: string; arguments: string }[] | null;
  model: string;
  usage: { promptTokens: number; completionTokens: number } | null;
}

/** Why the provider gave no reply, as stored on the assistant message. */
export class ModelCallError extends Error {
  constructor(
    readonly code: 'timeout' | 'provider_error',
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** The provider's deadline for a whole reply; below the gateway's wait (GENERATION_RPC_TIMEOUT_MS) by design. */
const timeoutMs = () => Math.min(durationMs('LLM_TIMEOUT_MS', 60_000), 110_000);

/**
 * Any OpenAI-compatible chat completions endpoint (`LLM_BASE_URL`, `LLM_API_KEY`), through the official client.
 * Replies are always streamed from the provider: the caller may pass each piece on, and one deadline covers the
 * whole reply, not only its first byte.
 */
@Injectable()
export class ModelProvider {
  private readonly logger = new Logger(ModelProvider.name);
  private readonly client: OpenAI | null;

  constructor() {
    const baseURL = process.env.LLM_BASE_URL?.trim();
    this.client = baseURL
      ? new OpenAI({ baseURL, apiKey: process.env.LLM_API_KEY || 'unused', maxRetries: 0, timeout: timeoutMs() })
      : null;
  }

  get configured(): boolean {
    return this.client !== null;
  }

  async reply(request: ModelRequest, onDelta?: (text: string) => void): Promise<ModelReply> {
    if (!this.client) throw new Error('No model provider configured');
    const abort = new AbortController();
    let timedOut = false;
    const limit = timeoutMs();
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, limit);
    try {
      const stream = await this.client.chat.completions.create(
        {
          model: request.model,
          messages: request.messages,
          max_tokens: request.maxTokens,
          temperature: request.temperature,
          top_p: request.topP,
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal: abort.signal },
      );
      let content = '';
      let model = request.model;
      let usage: ModelReply['usage'] = null;
      const calls = new Map<number, { id: string; name: string; arguments: string }>();
      for await (const chunk of stream) {
        model = chunk.model || model;
        if (chunk.usage)
          usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
        const delta = chunk.choices[0]?.delta;
        if (delta?.content) {
          content += delta.content;
          onDelta?.(delta.content);
        }
        for (const t of delta?.tool_calls ?? []) {
          const call = calls.get(t.index) ?? { id: '', name: '', arguments: '' };
          calls.set(t.index, {
            id: t.id ?? call.id,
            name: call.name + (t.function?.name ?? ''),
            arguments: call.arguments + (t.function?.arguments ?? ''),
          });
        }
      }
      if (timedOut) throw new ModelCallError('timeout', `The model provider did not finish within ${limit} ms`, null);
      return { content, toolCalls: calls.size ? [...calls.values()] : null, model, usage };
    } catch (err) {
      throw this.explain(err, timedOut, limit);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A summary of earlier turns, written by the model; null when it fails (the extractive one is used instead). */
  async summarize(model: string, previous: string | null, turns: string): Promise<string | null> {
    try {
      const reply = await this.reply({
        model,
        maxTokens: 512,
        temperature: 0,
        topP: 1,
        messages: [
          {
            role: 'system',
            content:
              'Summarise the conversation so far for your own later reference: facts, decisions, open questions. ' +
              'Plain sentences, no preamble.',
          },
          { role: 'user', content: `${previous ? `Earlier summary:\n${previous}\n\n` : ''}Turns:\n${turns}` },
        ],
      });
      return reply.content.trim() || null;
    } catch (err) {
      this.logger.warn(`Model summary failed, using the extractive one: ${(err as Error).message}`);
      return null;
    }
  }

  private explain(err: unknown, timedOut: boolean, limit: number): ModelCallError {
    if (err instanceof ModelCallError) return err;
    if (timedOut || err instanceof OpenAI.APIConnectionTimeoutError)
      return new ModelCallError('timeout', `The model provider did not finish within ${limit} ms`, null);
    if (err instanceof OpenAI.APIError && typeof err.status === 'number')
      return new ModelCallError(
        'provider_error',
        `The model provider answered ${err.status}: ${err.message}`,
        err.status,
      );
    return new ModelCallError('provider_error', `The model provider failed: ${(err as Error)?.message ?? err}`, null);
  }
}
