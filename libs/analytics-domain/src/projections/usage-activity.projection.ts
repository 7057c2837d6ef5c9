import type { AssistantsEvent } from '@platform/contracts';
import { hourKeyOf } from '../time';
import { emptyHourlyActivity, type ActivityKey, type HourlyActivity } from './activity';

// Usage reported through the assistants API, counted apart from the usage analytics observes itself.

export const usageActivityHandles = ['AssistantUsageRecorded'] as const;

export function usageActivityKeyOf(event: AssistantsEvent): ActivityKey | null {
  return event.type === 'AssistantUsageRecorded'
    ? { assistantId: event.data.assistantId, hour: hourKeyOf(event.data.at) }
    : null;
}

export function evolveUsageActivity(doc: HourlyActivity | null, event: AssistantsEvent): HourlyActivity | null {
  const k = usageActivityKeyOf(event);
  if (!k || event.type !== 'AssistantUsageRecorded') return doc;
  const d = doc ?? emptyHourlyActivity(k.assistantId, k.hour);
  const u = event.data;
  return {
    ...d,
    reported: {
      conversations: d.reported.conversations + u.conversations,
      messages: d.reported.messages + u.messages,
      tokens: d.reported.tokens + u.tokens,
    },
  };
}
