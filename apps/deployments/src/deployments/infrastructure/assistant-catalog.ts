import { Injectable } from '@nestjs/common';
import {
  AssistantPatterns,
  PromptPatterns,
  type AssistantDto,
  type AssistantSnapshotDto,
  type DeploymentSnapshot,
  type RequestMeta,
} from '@platform/contracts';
import { AssistantNotFoundError, type ReadinessInput } from '@platform/deployments-domain';
import { RpcClient, RpcProblemError, rpcTimeoutMs } from '@platform/messaging';

/** The assistant as it is now, frozen into a snapshot, and whether its system prompt composes. */
export interface AssistantReading {
  assistant: AssistantDto;
  snapshot: DeploymentSnapshot;
  systemPrompt: ReadinessInput['systemPrompt'];
}

/**
 * Asks the assistants service, which owns assistants and prompts, over its request/reply operations, with the
 * caller's identity (so another owner's assistant is a 404 here too). A slow or absent assistants service fails
 * the request (504/503, from the RPC client) before anything is stored. All the questions of one request share half
 * the caller's deadline (RPC_TIMEOUT_MS), so the service gives up, and stores nothing, before the gateway answers
 * 504: an answer arriving after the caller was told "timeout" never turns into a deployment.
 */
@Injectable()
export class AssistantCatalog {
  constructor(private readonly rpc: RpcClient) {}

  /** The assistant as it is now (a 404 for this caller: AssistantNotFoundError). */
  async assistant(id: string, meta: RequestMeta, deadline = this.deadline()): Promise<AssistantDto> {
    return this.ask<AssistantDto>(id, AssistantPatterns.get, meta, { params: { id }, query: {} }, deadline);
  }

  /**
   * Everything a deployment freezes: the assistant at one version, its links with the exact prompt versions they
   * resolve to, and the system prompt composed from them, in one request the assistants service answers from one
   * reading of the assistant and its prompts (`PromptPatterns.snapshot`), so the parts always belong together.
   */
  async read(id: string, meta: RequestMeta): Promise<AssistantReading> {
    const body = { params: { id } };
    const { assistant, links, systemPrompt, missingVariables } = await this.ask<AssistantSnapshotDto>(
      id,
      PromptPatterns.snapshot,
      meta,
      body,
      this.deadline(),
    );
    const prompt = systemPrompt ?? { text: '', tokenCount: 0, encoding: '' };
    return {
      assistant,
      systemPrompt: systemPrompt
        ? { composes: true }
        : {
            composes: false,
            missing: missingVariables,
            message: `Missing required variables: ${missingVariables.join(', ')}`,
          },
      snapshot: {
        assistantVersion: assistant.version,
        name: assistant.name,
        persona: assistant.persona,
        configuration: { ...assistant.configuration },
        prompts: links.map((l) => ({
          promptId: l.promptId,
          promptName: l.promptName,
          role: l.role,
          priority: l.priority,
          conditions: l.conditions,
          version: l.resolvedVersion,
        })),
        systemPrompt: { text: prompt.text, tokenCount: prompt.tokenCount, encoding: prompt.encoding },
      },
    };
  }

  private deadline(): number {
    return Date.now() + Math.max(100, Math.floor(rpcTimeoutMs() / 2));
  }

  private async ask<T>(id: string, pattern: string, meta: RequestMeta, body: unknown, deadline: number): Promise<T> {
    // The caller's identity and correlation travel on; preconditions and idempotency are about the caller's request.
    const asked = { ...meta, idempotencyKey: undefined, requestHash: undefined, expectedVersion: undefined };
    try {
      const timeoutMs = Math.max(1, deadline - Date.now());
      return await this.rpc.send<T>(pattern, { meta: asked, body }, { timeoutMs });
    } catch (err) {
      if (err instanceof RpcProblemError && err.status === 404) throw new AssistantNotFoundError(id);
      throw err;
    }
  }
}
