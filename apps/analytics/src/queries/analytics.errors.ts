import { onError, type ErrorMapping } from '@platform/messaging';

/** Not known to analytics (yet), or another owner's: either way it does not exist for this caller. */
export class AnalyticsAssistantNotFoundError extends Error {
  override readonly name = 'AnalyticsAssistantNotFoundError';
  constructor(readonly assistantId: string) {
    super(`Assistant ${assistantId} not found`);
  }
}

export const analyticsErrors: readonly ErrorMapping[] = [onError(AnalyticsAssistantNotFoundError, 404)];
