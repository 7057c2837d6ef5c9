import { onError, type ErrorMapping } from '@platform/messaging';

/** Not known to analytics (yet), or another owner's: either way it does not exist for this caller. */
export class AnalyticsAssistantNotFoundError extends Error {
  override readonly name = 'AnalyticsAssistantNotFoundError';
  constructor(readonly assistantId: string) {
    super(`Assistant ${assistantId} not found`);
  }
}

/** A comparison naming assistants the caller cannot see (or analytics does not know yet): 422 naming the field. */
export class UnknownComparedAssistantsError extends Error {
  override readonly name = 'UnknownComparedAssistantsError';
  constructor(readonly assistantIds: readonly string[]) {
    super(`Unknown assistant(s): ${assistantIds.join(', ')}`);
  }
}

export const analyticsErrors: readonly ErrorMapping[] = [
  onError(AnalyticsAssistantNotFoundError, 404),
  onError(UnknownComparedAssistantsError, 422, (e) => ({ errors: [{ field: 'assistantIds', message: e.message }] })),
];
