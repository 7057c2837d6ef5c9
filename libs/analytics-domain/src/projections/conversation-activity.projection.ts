import type { ConversationsEvent } from '@platform/contracts';
import { addSample } from '../latency';
import { hourKeyOf } from '../time';
import { emptyHourlyActivity, type ActivityKey, type HourlyActivity } from './activity';

// Conversations, messages by role, tokens in and out, response times, errors and ratings, per assistant and hour.

// Sums of fractional milliseconds are rounded so that the order events are folded in never shows in the result.
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

const key = (assistantId: string, at: string): ActivityKey => ({
  assistantId,
  hour: hourKeyOf(at),
});

export function conversationActivityKeyOf(event: ConversationsEvent): ActivityKey | null {
  switch (event.type) {
    case 'ConversationStarted':
      return key(event.data.assistantId, event.data.startedAt);
    case 'MessageAppended':
      return key(event.data.assistantId, event.data.message.createdAt);
    case 'MessageRated':
      return key(event.data.assistantId, event.data.at);
    case 'ConversationEnded':
      return key(event.data.assistantId, event.data.endedAt);
    default:
      return null;
  }
}

export function evolveConversationActivity(
  doc: HourlyActivity | null,
  event: ConversationsEvent,
): HourlyActivity | null {
  const k = conversationActivityKeyOf(event);
  if (!k) return doc;
  const d = doc ?? emptyHourlyActivity(k.assistantId, k.hour);
  switch (event.type) {
    case 'ConversationStarted':
      return { ...d, conversationsStarted: d.conversationsStarted + 1 };
    case 'ConversationEnded':
      return {
        ...d,
        conversationsEnded: d.conversationsEnded + 1,
        conversationsTimedOut: d.conversationsTimedOut + (event.data.reason === 'timeout' ? 1 : 0),
      };
    case 'MessageRated': {
      const previous = event.data.previousRating;
      return {
        ...d,
        ratingSum: d.ratingSum + event.data.rating - (previous ?? 0),
        ratingCount: d.ratingCount + (previous === null ? 1 : 0),
      };
    }
    case 'MessageAppended': {
      const m = event.data.message;
      // Provider usage when the model reported it; otherwise the message's own count, as input for what was
      // sent to the model and output for what it answered.
      const input = m.usage ? m.usage.promptTokens : m.role === 'assistant' ? 0 : m.tokenCount;
      const output = m.usage ? m.usage.completionTokens : m.role === 'assistant' ? m.tokenCount : 0;
      const timed = m.responseTimeMs !== null;
      return {
        ...d,
        messages: { ...d.messages, [m.role]: d.messages[m.role] + 1 },
        tokensInput: d.tokensInput + input,
        tokensOutput: d.tokensOutput + output,
        responseTimeMsSum: round6(d.responseTimeMsSum + (m.responseTimeMs ?? 0)),
        responseTimeCount: d.responseTimeCount + (timed ? 1 : 0),
        latency: timed ? addSample(d.latency, m.responseTimeMs!) : d.latency,
        errors: d.errors + (m.error ? 1 : 0),
      };
    }
    default:
      return d;
  }
}
