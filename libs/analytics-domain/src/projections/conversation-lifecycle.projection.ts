import type { ConversationsEvent } from '@platform/contracts';

/** One conversation's start and end: what "active at the end of a period" is counted from. */
export interface ConversationLifecycle {
  conversationId: string;
  assistantId: string;
  startedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
}

export const conversationLifecycleHandles = ['ConversationStarted', 'ConversationEnded'] as const;

export function conversationLifecycleKeyOf(event: ConversationsEvent): string | null {
  return event.type === 'ConversationStarted' || event.type === 'ConversationEnded' ? event.data.conversationId : null;
}

export function evolveConversationLifecycle(
  doc: ConversationLifecycle | null,
  event: ConversationsEvent,
): ConversationLifecycle | null {
  const base = (conversationId: string, assistantId: string): ConversationLifecycle =>
    doc ?? { conversationId, assistantId, startedAt: null, endedAt: null, endReason: null };
  switch (event.type) {
    case 'ConversationStarted':
      return { ...base(event.data.conversationId, event.data.assistantId), startedAt: event.data.startedAt };
    case 'ConversationEnded':
      return {
        ...base(event.data.conversationId, event.data.assistantId),
        endedAt: event.data.endedAt,
        endReason: event.data.reason,
      };
    default:
      return doc;
  }
}
