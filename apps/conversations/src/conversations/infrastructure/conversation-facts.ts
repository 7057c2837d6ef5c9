import { Injectable } from '@nestjs/common';
import type { Conversation } from '@platform/conversations-domain';

/** What an append needs of its conversation before its transaction: whose it is, and what to ask of its assistant. */
export type ConversationFacts = Pick<
  Conversation,
  'id' | 'ownerId' | 'assistantId' | 'environment' | 'contextVariables'
>;

const MAX_ENTRIES = 10_000;

export const factsOf = (c: Conversation): ConversationFacts => ({
  id: c.id,
  ownerId: c.ownerId,
  assistantId: c.assistantId,
  environment: c.environment,
  contextVariables: c.contextVariables,
});

/** Whether the conversation as stored still has these facts (the assistant asked about is the one to use). */
export const sameFacts = (facts: ConversationFacts, c: Conversation): boolean =>
  facts.ownerId === c.ownerId &&
  facts.assistantId === c.assistantId &&
  facts.environment === c.environment &&
  JSON.stringify(facts.contextVariables) === JSON.stringify(c.contextVariables);

/**
 * The facts of the conversations this instance appended to lately, so an append needs no read before its
 * transaction. They are a guess, checked in the transaction against the conversation as stored (under its lock):
 * when its variables changed meanwhile (through another instance, say), the append starts again with the facts
 * it found (`StaleConversationFacts`). Least recently used first out, at most 10,000.
 */
@Injectable()
export class ConversationFactsCache {
  private readonly entries = new Map<string, ConversationFacts>();

  get(id: string): ConversationFacts | undefined {
    const facts = this.entries.get(id);
    if (facts) {
      this.entries.delete(id);
      this.entries.set(id, facts);
    }
    return facts;
  }

  remember(facts: ConversationFacts): void {
    this.entries.delete(facts.id);
    this.entries.set(facts.id, facts);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}

/** Thrown in an append's transaction when the conversation's facts were not those assumed; carries the stored ones. */
export class StaleConversationFacts extends Error {
  constructor(readonly current: Conversation) {
    super(`The facts of conversation ${current.id} changed`);
  }
}
