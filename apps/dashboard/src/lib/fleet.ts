import type { AnalyticsSummary, Assistant } from '../api/client';

// The fleet's activity figures: counts from the analytics summary of today (UTC), reported tokens from the
// assistants themselves (usage reported through the API, which analytics counts apart).

export interface FleetFigures {
  /** Assistants not archived, whatever their status. */
  assistants: number;
  byStatus: Record<string, number>;
  byType: Record<string, number>;
  /** Conversations started today (UTC). */
  conversationsToday: number;
  activeConversations: number;
  /** Messages appended today. */
  messagesToday: number;
  /** Tokens of today's messages. */
  tokensToday: number;
  /** Tokens reported through usage, over all time. */
  reportedTokens: number;
}

/** Midnight UTC of the day `now` is in: "today" is a UTC day, as the API's timestamps are. */
export const startOfUtcDay = (now: Date) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

/** `today` is GET /assistants/summary from midnight UTC; `assistants` the ones not archived. */
export function fleetFigures(today: AnalyticsSummary, assistants: Assistant[]): FleetFigures {
  const { byStatus, byType, total } = today.assistants;
  return {
    assistants: total - (byStatus.archived ?? 0),
    byStatus,
    byType,
    conversationsToday: today.conversations.started,
    activeConversations: today.conversations.active,
    messagesToday: today.messages.total,
    tokensToday: today.tokens.total,
    reportedTokens: assistants.reduce((sum, a) => sum + a.usage.tokens, 0),
  };
}
