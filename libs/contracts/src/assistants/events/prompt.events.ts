import { z } from 'zod';
import { defineUpcaster, type EventContractMap, type EventUpcaster } from '../../common/event-contracts';

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

const promptCreatedFields = {
  ...promptContentEventSchema.shape,
  promptId: id,
  version: z.literal(1),
  createdAt: time,
};
/** v1, as stored until owners were recorded. */
const promptCreatedV1 = z.strictObject(promptCreatedFields);
/** v2 names the owner: the prompt is visible to that owner's keys (and to callers that see every owner). */
const promptCreated = z.strictObject({
  ...promptCreatedFields,
  ownerId: id.nullable().meta({ description: 'Null for prompts created before owners were recorded' }),
});

export const promptEventContractMap = {
  PromptCreated: { schemaVersion: 2, schema: promptCreated },
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

export const promptEventUpcasters: readonly EventUpcaster[] = [
  // v1 did not record whose a prompt is. Nothing in a v1 event says it, so such prompts belong to no owner: only
  // callers that see every owner's resources see them.
  defineUpcaster({
    type: 'PromptCreated',
    fromVersion: 1,
    from: promptCreatedV1,
    to: promptCreated,
    upcast: (v1) => ({ ...v1, ownerId: null }),
  }),
];
