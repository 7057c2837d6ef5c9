import { z } from 'zod';
export declare const PROMPT_LINK_ROLES: readonly ["primary", "secondary", "fallback"];
export declare const CONDITION_OPERATORS: readonly ["eq", "neq", "in", "exists", "gt", "lt"];
export declare const LATEST_LABEL = "latest";
export declare const promptVariableSchema: z.ZodObject<{
    name: z.ZodString;
    required: z.ZodDefault<z.ZodBoolean>;
    default: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>;
    description: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const createPromptSchema: z.ZodObject<{
    name: z.ZodString;
    description: z.ZodOptional<z.ZodString>;
    tags: z.ZodDefault<z.ZodArray<z.ZodString>>;
    template: z.ZodString;
    variables: z.ZodDefault<z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        required: z.ZodDefault<z.ZodBoolean>;
        default: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>;
        description: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>>;
}, z.core.$strict>;
export declare const revisePromptSchema: z.ZodObject<{
    name: z.ZodOptional<z.ZodString>;
    description: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    tags: z.ZodOptional<z.ZodArray<z.ZodString>>;
    template: z.ZodOptional<z.ZodString>;
    variables: z.ZodOptional<z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        required: z.ZodDefault<z.ZodBoolean>;
        default: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>;
        description: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>>>;
}, z.core.$strict>;
export declare const movePromptLabelSchema: z.ZodObject<{
    label: z.ZodString;
    version: z.ZodNumber;
}, z.core.$strict>;
export declare const getPromptQuerySchema: z.ZodObject<{
    version: z.ZodOptional<z.ZodCoercedNumber<unknown>>;
    label: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const listPromptsQuerySchema: z.ZodObject<{
    name: z.ZodOptional<z.ZodString>;
    tag: z.ZodOptional<z.ZodString>;
    label: z.ZodOptional<z.ZodString>;
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    cursor: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const promptVersionsQuerySchema: z.ZodObject<{
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    cursor: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const conditionSchema: z.ZodDiscriminatedUnion<[z.ZodObject<{
    variable: z.ZodString;
    operator: z.ZodLiteral<"exists">;
}, z.core.$strict>, z.ZodObject<{
    variable: z.ZodString;
    operator: z.ZodEnum<{
        eq: "eq";
        neq: "neq";
    }>;
    value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>;
}, z.core.$strict>, z.ZodObject<{
    variable: z.ZodString;
    operator: z.ZodLiteral<"in">;
    value: z.ZodArray<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>;
}, z.core.$strict>, z.ZodObject<{
    variable: z.ZodString;
    operator: z.ZodEnum<{
        gt: "gt";
        lt: "lt";
    }>;
    value: z.ZodNumber;
}, z.core.$strict>], "operator">;
export declare const linkPromptSchema: z.ZodObject<{
    role: z.ZodEnum<{
        primary: "primary";
        secondary: "secondary";
        fallback: "fallback";
    }>;
    priority: z.ZodDefault<z.ZodNumber>;
    conditions: z.ZodDefault<z.ZodArray<z.ZodDiscriminatedUnion<[z.ZodObject<{
        variable: z.ZodString;
        operator: z.ZodLiteral<"exists">;
    }, z.core.$strict>, z.ZodObject<{
        variable: z.ZodString;
        operator: z.ZodEnum<{
            eq: "eq";
            neq: "neq";
        }>;
        value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>;
    }, z.core.$strict>, z.ZodObject<{
        variable: z.ZodString;
        operator: z.ZodLiteral<"in">;
        value: z.ZodArray<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>;
    }, z.core.$strict>, z.ZodObject<{
        variable: z.ZodString;
        operator: z.ZodEnum<{
            gt: "gt";
            lt: "lt";
        }>;
        value: z.ZodNumber;
    }, z.core.$strict>], "operator">>>;
    version: z.ZodOptional<z.ZodNumber>;
    label: z.ZodOptional<z.ZodString>;
    promptId: z.ZodUUID;
}, z.core.$strict>;
export declare const updatePromptLinkSchema: z.ZodObject<{
    role: z.ZodOptional<z.ZodEnum<{
        primary: "primary";
        secondary: "secondary";
        fallback: "fallback";
    }>>;
    priority: z.ZodOptional<z.ZodNumber>;
    conditions: z.ZodOptional<z.ZodArray<z.ZodDiscriminatedUnion<[z.ZodObject<{
        variable: z.ZodString;
        operator: z.ZodLiteral<"exists">;
    }, z.core.$strict>, z.ZodObject<{
        variable: z.ZodString;
        operator: z.ZodEnum<{
            eq: "eq";
            neq: "neq";
        }>;
        value: z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>;
    }, z.core.$strict>, z.ZodObject<{
        variable: z.ZodString;
        operator: z.ZodLiteral<"in">;
        value: z.ZodArray<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>;
    }, z.core.$strict>, z.ZodObject<{
        variable: z.ZodString;
        operator: z.ZodEnum<{
            gt: "gt";
            lt: "lt";
        }>;
        value: z.ZodNumber;
    }, z.core.$strict>], "operator">>>;
    version: z.ZodOptional<z.ZodNumber>;
    label: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const suggestionsQuerySchema: z.ZodObject<{
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
}, z.core.$strict>;
export declare const systemPromptRequestSchema: z.ZodObject<{
    variables: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>>;
}, z.core.$strict>;
export type PromptVariableInput = z.infer<typeof promptVariableSchema>;
export type CreatePromptBody = z.infer<typeof createPromptSchema>;
export type RevisePromptBody = z.infer<typeof revisePromptSchema>;
export type MovePromptLabelBody = z.infer<typeof movePromptLabelSchema>;
export type GetPromptQuery = z.infer<typeof getPromptQuerySchema>;
export type ListPromptsQuery = z.infer<typeof listPromptsQuerySchema>;
export type PromptVersionsQuery = z.infer<typeof promptVersionsQuerySchema>;
export type Condition = z.infer<typeof conditionSchema>;
export type LinkPromptBody = z.infer<typeof linkPromptSchema>;
export type UpdatePromptLinkBody = z.infer<typeof updatePromptLinkSchema>;
export type SuggestionsQuery = z.infer<typeof suggestionsQuerySchema>;
export type SystemPromptRequest = z.infer<typeof systemPromptRequestSchema>;
export type PromptLinkRole = (typeof PROMPT_LINK_ROLES)[number];
export type ContextValue = string | number | boolean;
