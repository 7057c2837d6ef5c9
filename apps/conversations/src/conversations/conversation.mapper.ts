import type { Conversation, MessageRecord, WindowMessage } from '@platform/conversations-domain';
import type { ConversationDto, ConversationWithContextDto, MessageDto } from '@platform/contracts';

export function toConversationDto(c: Conversation): ConversationDto {
  return {
    id: c.id,
    assistantId: c.assistantId,
    userId: c.userId,
    ownerId: c.ownerId,
    title: c.title,
    environment: c.environment,
    status: c.status,
    endReason: c.endReason,
    contextVariables: c.contextVariables,
    messageCount: c.messageCount,
    tokenCount: c.tokenCount,
    startedAt: c.startedAt,
    lastActivityAt: c.lastActivityAt,
    endedAt: c.endedAt,
    version: c.version,
  };
}

/** The conversation with its context: the summary, and the window as the history holds it (see withWindow). */
export function toConversationWithContextDto(c: Conversation, window: WindowMessage[]): ConversationWithContextDto {
  const { summary, budgetTokens } = c.context;
  return {
    ...toConversationDto(c),
    context: {
      summary: summary && { ...summary },
      messages: window.map((m) => ({ ...m })),
      tokenCount: (summary?.tokenCount ?? 0) + window.reduce((n, m) => n + m.tokenCount, 0),
      budgetTokens,
    },
  };
}

export interface MessageRow {
  doc: MessageRecord;
  compressed: boolean;
  feedback: MessageDto['feedback'];
}

export function toMessageDto(conversationId: string, row: MessageRow): MessageDto {
  const m = row.doc;
  return {
    id: m.id,
    conversationId,
    seq: m.seq,
    role: m.role,
    content: m.content,
    toolCalls: m.toolCalls,
    toolCallId: m.toolCallId,
    parentMessageId: m.parentMessageId,
    metadata: m.metadata,
    tokenCount: m.tokenCount,
    model: m.model,
    responseTimeMs: m.responseTimeMs,
    usage: m.usage,
    error: m.error,
    feedback: row.feedback,
    compressed: row.compressed,
    createdAt: m.createdAt,
  };
}
