import type { AssistantStatus } from '@platform/contracts';

// Named domain errors; the service maps each to an HTTP status once, at the edge.
export class AssistantAlreadyExistsError extends Error {
  override readonly name = 'AssistantAlreadyExistsError';
  constructor(readonly assistantId: string) {
    super(`Assistant ${assistantId} already exists`);
  }
}

export class AssistantNotFoundError extends Error {
  override readonly name = 'AssistantNotFoundError';
  constructor(readonly assistantId: string) {
    super(`Assistant ${assistantId} not found`);
  }
}

export class IllegalStatusTransitionError extends Error {
  override readonly name = 'IllegalStatusTransitionError';
  constructor(
    readonly from: AssistantStatus,
    readonly to: AssistantStatus,
  ) {
    super(`An assistant cannot go from ${from} to ${to}`);
  }
}

export class AssistantArchivedError extends Error {
  override readonly name = 'AssistantArchivedError';
  constructor(readonly assistantId: string) {
    super(`Assistant ${assistantId} is archived; archived assistants cannot be changed`);
  }
}

export class InvalidAssistantError extends Error {
  override readonly name = 'InvalidAssistantError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class PrimaryPromptExistsError extends Error {
  override readonly name = 'PrimaryPromptExistsError';
  constructor(readonly existingPromptId: string) {
    super(`The assistant already has a primary prompt (${existingPromptId}); an assistant has at most one`);
  }
}

export class PromptAlreadyLinkedError extends Error {
  override readonly name = 'PromptAlreadyLinkedError';
  constructor(readonly promptId: string) {
    super(`Prompt ${promptId} is already linked to this assistant; change the link instead`);
  }
}

export class PromptLinkNotFoundError extends Error {
  override readonly name = 'PromptLinkNotFoundError';
  constructor(readonly promptId: string) {
    super(`Prompt ${promptId} is not linked to this assistant`);
  }
}
