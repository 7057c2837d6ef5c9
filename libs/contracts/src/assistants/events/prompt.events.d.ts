import { z } from 'zod';
/** What one immutable version holds: the whole prompt content at that version. */
export declare const promptContentEventSchema: z.ZodObject<{
    name: z.ZodString;
    description: z.ZodNullable<z.ZodString>;
    tags: z.ZodArray<z.ZodString>;
    template: z.ZodString;
    variables: z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        required: z.ZodBoolean;
        default: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>;
        description: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export declare const promptEventContractMap: {
    readonly PromptCreated: {
        readonly schemaVersion: 1;
        readonly schema: z.ZodObject<{
            promptId: z.ZodString;
            version: z.ZodLiteral<1>;
            createdAt: z.ZodISODateTime;
            name: z.ZodString;
            description: z.ZodNullable<z.ZodString>;
            tags: z.ZodArray<z.ZodString>;
            template: z.ZodString;
            variables: z.ZodArray<z.ZodObject<{
                name: z.ZodString;
                required: z.ZodBoolean;
                default: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>;
                description: z.ZodOptional<z.ZodString>;
            }, z.core.$strict>>;
        }, z.core.$strict>;
    };
    readonly PromptRevised: {
        readonly schemaVersion: 1;
        readonly schema: z.ZodObject<{
            promptId: z.ZodString;
            version: z.ZodNumber;
            revisedAt: z.ZodISODateTime;
            name: z.ZodString;
            description: z.ZodNullable<z.ZodString>;
            tags: z.ZodArray<z.ZodString>;
            template: z.ZodString;
            variables: z.ZodArray<z.ZodObject<{
                name: z.ZodString;
                required: z.ZodBoolean;
                default: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>;
                description: z.ZodOptional<z.ZodString>;
            }, z.core.$strict>>;
        }, z.core.$strict>;
    };
    readonly PromptLabelMoved: {
        readonly schemaVersion: 1;
        readonly schema: z.ZodObject<{
            promptId: z.ZodString;
            label: z.ZodString;
            version: z.ZodNumber;
            previousVersion: z.ZodNullable<z.ZodNumber>;
            at: z.ZodISODateTime;
        }, z.core.$strict>;
    };
    readonly PromptLabelRemoved: {
        readonly schemaVersion: 1;
        readonly schema: z.ZodObject<{
            promptId: z.ZodString;
            label: z.ZodString;
            version: z.ZodNumber;
            at: z.ZodISODateTime;
        }, z.core.$strict>;
    };
};
