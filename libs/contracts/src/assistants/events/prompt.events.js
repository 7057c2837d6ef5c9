"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.promptEventContractMap = exports.promptContentEventSchema = void 0;
const zod_1 = require("zod");
// The Prompt aggregate's events as stored and published, kept apart from the HTTP schemas for the same reason as
// the assistant events (see assistant.events.ts): a request schema change must not retype stored events.
const id = zod_1.z.string().min(1);
const time = zod_1.z.iso.datetime();
const version = zod_1.z.number().int().min(1);
const scalar = zod_1.z.union([zod_1.z.string(), zod_1.z.number(), zod_1.z.boolean()]);
const variable = zod_1.z.strictObject({
    name: zod_1.z.string(),
    required: zod_1.z.boolean(),
    default: scalar.optional(),
    description: zod_1.z.string().optional(),
});
/** What one immutable version holds: the whole prompt content at that version. */
exports.promptContentEventSchema = zod_1.z.strictObject({
    name: zod_1.z.string().min(1),
    description: zod_1.z.string().nullable(),
    tags: zod_1.z.array(zod_1.z.string()),
    template: zod_1.z.string(),
    variables: zod_1.z.array(variable),
});
exports.promptEventContractMap = {
    PromptCreated: {
        schemaVersion: 1,
        schema: zod_1.z.strictObject({
            ...exports.promptContentEventSchema.shape,
            promptId: id,
            version: zod_1.z.literal(1),
            createdAt: time,
        }),
    },
    PromptRevised: {
        schemaVersion: 1,
        schema: zod_1.z.strictObject({
            ...exports.promptContentEventSchema.shape,
            promptId: id,
            version: version.min(2),
            revisedAt: time,
        }),
    },
    PromptLabelMoved: {
        schemaVersion: 1,
        schema: zod_1.z.strictObject({ promptId: id, label: zod_1.z.string(), version, previousVersion: version.nullable(), at: time }),
    },
    PromptLabelRemoved: {
        schemaVersion: 1,
        schema: zod_1.z.strictObject({ promptId: id, label: zod_1.z.string(), version, at: time }),
    },
};
//# sourceMappingURL=prompt.events.js.map