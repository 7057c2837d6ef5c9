import type { ConversationsEvent } from '@platform/contracts';
import { addSampleInto } from '../latency';
import { hourKeyOf } from '../time';
import { cloneHourlyActivity, emptyHourlyActivity, type ActivityKey, type HourlyActivity } from './activity';

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

export const conversationActivityHandles = [
  'ConversationStarted',
  'MessageAppended',
  'MessageRated',
  'ConversationEnded',
] as const;

export function evolveConversationActivity(
  doc: HourlyActivity | null,
  event: ConversationsEvent,
): HourlyActivity | null {
  return foldConversationActivity(doc && cloneHourlyActivity(doc), event);
}

/**
 * evolveConversationActivity in place: `doc` (when there is one) is changed and returned, a new one is made for the
 * hour's first event. For a fold that owns its docs (a replay, a batch of rows just read), which then allocates
 * nothing per message; evolveConversationActivity is this on a copy.
 */
export function foldConversationActivity(doc: HourlyActivity | null, event: ConversationsEvent): HourlyActivity | null {
  const k = conversationActivityKeyOf(event);
  if (!k) return doc;
  const d = doc ?? emptyHourlyActivity(k.assistantId, k.hour);
  switch (event.type) {
    case 'ConversationStarted':
      d.conversationsStarted += 1;
      return d;
    case 'ConversationEnded':
      d.conversationsEnded += 1;
      if (event.data.reason === 'timeout') d.conversationsTimedOut += 1;
      return d;
    case 'MessageRated': {
      const previous = event.data.previousRating;
      d.ratingSum += event.data.rating - (previous ?? 0);
      if (previous === null) d.ratingCount += 1;
      return d;
    }
    case 'MessageAppended': {
      const m = event.data.message;
      // Provider usage when the model reported it; otherwise the message's own count, as input for what was
      // sent to the model and output for what it answered.
      const input = m.usage ? m.usage.promptTokens : m.role === 'assistant' ? 0 : m.tokenCount;
      const output = m.usage ? m.usage.completionTokens : m.role === 'assistant' ? m.tokenCount : 0;
      d.messages[m.role] += 1;
      d.tokensInput += input;
      d.tokensOutput += output;
      d.responseTimeMsSum = round6(d.responseTimeMsSum + (m.responseTimeMs ?? 0));
      if (m.responseTimeMs !== null) {
        d.responseTimeCount += 1;
        d.latency = addSampleInto(d.latency as Record<string, number>, m.responseTimeMs);
      }
      if (m.error) d.errors += 1;
      return d;
    }
    default:
      return d;
  }
}
