import { Injectable } from '@nestjs/common';
import {
  AssistantPatterns,
  DeploymentPatterns,
  ownerScope,
  type ActiveDeploymentDto,
  type ConversationEnvironment,
  PromptPatterns,
  type AssistantDto,
  type RequestMeta,
  type SystemPromptDto,
} from '@platform/contracts';
import { RpcClient, RpcProblemError } from '@platform/messaging';
import { NoActiveDeploymentError } from '../conversation.errors';

/** What a conversation needs of its assistant: who it is, whether it may talk, and its model and budget. */
export interface AssistantProfile {
  id: string;
  status: AssistantDto['status'];
  ownerId: string | null;
  model: string;
  temperature: number;
  topP: number;
  maxTokens: number;
  contextWindowTokens: number;
  systemPrompt: string;
  systemPromptTokens: number;
  /** Context window minus the room for the reply (maxTokens) minus the system prompt. */
  budgetTokens: number;
}

type Variables = Record<string, string | number | boolean>;
type Environment = ConversationEnvironment | null;

/**
 * Asks the assistants service, which owns assistants, over its request/reply operations (`assistants.get` and
 * `assistants.system-prompt`): its read model is written in the append transaction, so an assistant activated a
 * moment ago is active here at once. Starting a conversation always asks afresh; messages may use an answer up
 * to ASSISTANT_CACHE_MS old (default 2000), so a busy conversation does not cost two extra requests per message.
 */
@Injectable()
export class AssistantDirectory {
  private readonly cache = new Map<string, { at: number; profile: Promise<AssistantProfile | null> }>();
  private readonly maxAgeMs = Number(process.env.ASSISTANT_CACHE_MS ?? 2000);

  constructor(private readonly rpc: RpcClient) {}

  /**
   * In an environment, the assistant runs on the snapshot of its active deployment there (asked of the deployments
   * service): its configuration and its system prompt as composed at deployment. No active deployment: 409.
   */
  profile(
    id: string,
    variables: Variables,
    meta: RequestMeta,
    fresh = false,
    environment: Environment = null,
  ): Promise<AssistantProfile | null> {
    // Answers are per owner scope: one caller's view of an assistant is never another's.
    const key = `${ownerScope(meta) ?? '*'}\u0000${id}\u0000${environment ?? ''}\u0000${JSON.stringify(variables)}`;
    const hit = this.cache.get(key);
    if (!fresh && hit && Date.now() - hit.at < this.maxAgeMs) return hit.profile;
    const profile = environment ? this.deployed(id, environment, meta) : this.load(id, variables, meta);
    this.cache.set(key, { at: Date.now(), profile });
    profile.catch(() => this.cache.delete(key));
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value as string);
    return profile;
  }

  private async load(id: string, variables: Variables, meta: RequestMeta): Promise<AssistantProfile | null> {
    const asked = askedWith(meta);
    const assistant = await this.assistant(id, asked);
    if (!assistant) return null;
    const prompt = await this.rpc.send<SystemPromptDto>(PromptPatterns.systemPrompt, {
      meta: asked,
      body: { params: { id }, body: { variables } },
    });
    return profileOf(assistant, assistant.configuration, prompt);
  }

  /** The assistant (whether it exists for this caller, and is active) on its active deployment's snapshot. */
  private async deployed(id: string, environment: ConversationEnvironment, meta: RequestMeta) {
    const asked = askedWith(meta);
    const assistant = await this.assistant(id, asked);
    if (!assistant) return null;
    const { deployment } = await this.rpc.send<ActiveDeploymentDto>(DeploymentPatterns.active, {
      meta: asked,
      body: { params: { id }, query: { environment } },
    });
    if (!deployment) throw new NoActiveDeploymentError(id, environment);
    return profileOf(assistant, deployment.snapshot.configuration, deployment.snapshot.systemPrompt);
  }

  private async assistant(id: string, asked: RequestMeta): Promise<AssistantDto | null> {
    try {
      return await this.rpc.send<AssistantDto>(AssistantPatterns.get, { meta: asked, body: { params: { id } } });
    } catch (err) {
      if (err instanceof RpcProblemError && err.status === 404) return null;
      throw err;
    }
  }
}

/** The caller's identity and correlation travel on; preconditions and idempotency are about the caller's request. */
const askedWith = (meta: RequestMeta): RequestMeta => ({
  ...meta,
  idempotencyKey: undefined,
  requestHash: undefined,
  expectedVersion: undefined,
});

function profileOf(
  assistant: AssistantDto,
  c: AssistantDto['configuration'],
  prompt: { text: string; tokenCount: number },
): AssistantProfile {
  return {
    id: assistant.id,
    status: assistant.status,
    ownerId: assistant.ownerId ?? null,
    model: c.model,
    temperature: c.temperature,
    topP: c.topP,
    maxTokens: c.maxTokens,
    contextWindowTokens: c.contextWindowTokens,
    systemPrompt: prompt.text,
    systemPromptTokens: prompt.tokenCount,
    budgetTokens: Math.max(0, c.contextWindowTokens - c.maxTokens - prompt.tokenCount),
  };
}
