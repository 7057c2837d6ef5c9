import { z } from 'zod';
import type { EventContractMap } from '../../common/event-contracts';

// The Prompt aggregate's events as stored and published, kept apart from the HTTP schemas for the same reason as
// the assistant events (see assistant.events.ts): a request schema change must not retype stored events.

const id = z.string().min(1);
const time = z.iso.datetime();
const version = z.number().int().min(1);
const scalar = z.union([z.string(), z.number(), z.boolean()]);

const variable = z.strictObject({
  name: z.string(),
  required: z.boolean(),
  default: scalar.optional(),
  description: z.string().optional(),
});

/** What one immutable version holds: the whole prompt content at that version. */
export const promptContentEventSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  template: z.string(),
  variables: z.array(variable),
});

export const promptEventContractMap = {
  PromptCreated: {
    schemaVersion: 1,
    schema: z.strictObject({
      ...promptContentEventSchema.shape,
      promptId: id,
      version: z.literal(1),
      createdAt: time,
    }),
  },
  PromptRevised: {
    schemaVersion: 1,
    schema: z.strictObject({
      ...promptContentEventSchema.shape,
      promptId: id,
      version: version.min(2),
      revisedAt: time,
    }),
  },
  PromptLabelMoved: {
    schemaVersion: 1,
    schema: z.strictObject({ promptId: id, label: z.string(), version, previousVersion: version.nullable(), at: time }),
  },
  PromptLabelRemoved: {
    schemaVersion: 1,
    schema: z.strictObject({ promptId: id, label: z.string(), version, at: time }),
  },
} as const satisfies EventContractMap;
