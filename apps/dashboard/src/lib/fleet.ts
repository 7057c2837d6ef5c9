import type { Assistant, Conversation } from '../api/client';

// The fleet's figures that the assistants and conversations lists give today. Health, grades, alerts and the
// projections' lag come from the analytics service (components/FleetAnalytics.svelte) once it exists.

export interface FleetFigures {
  /** Assistants not archived, whatever their status. */
  assistants: number;
  byStatus: Record<string, number>;
  byType: Record<string, number>;
  conversationsToday: number;
  activeConversations: number;
  /** Messages of the conversations started today. */
  messagesToday: number;
  /** Tokens of the conversations started today. */
  tokensToday: number;
  /** Tokens reported through usage, over all time. */
  reportedTokens: number;
  top: Assistant[];
}

/** Midnight UTC of the day `now` is in: "today" is a UTC day, as the API's timestamps are. */
export const startOfUtcDay = (now: Date) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ((acc[key(item)] = (acc[key(item)] ?? 0) + 1), acc), {});

export function fleetFigures(assistants: Assistant[], conversations: Conversation[], now = new Date()): FleetFigures {
  const current = assistants.filter((a) => a.status !== 'archived');
  const since = startOfUtcDay(now);
  const today = conversations.filter((c) => Date.parse(c.startedAt) >= since);
  return {
    assistants: current.length,
    byStatus: countBy(assistants, (a) => a.status),
    byType: countBy(current, (a) => a.type),
    conversationsToday: today.length,
    activeConversations: conversations.filter((c) => c.status === 'active').length,
    messagesToday: today.reduce((sum, c) => sum + c.messageCount, 0),
    tokensToday: today.reduce((sum, c) => sum + c.tokenCount, 0),
    reportedTokens: assistants.reduce((sum, a) => sum + a.usage.tokens, 0),
    top: [...current]
      .sort((a, b) => b.usage.conversations - a.usage.conversations || b.usage.messages - a.usage.messages)
      .slice(0, 5),
  };
}
