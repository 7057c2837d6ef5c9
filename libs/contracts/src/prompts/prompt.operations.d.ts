import { z } from 'zod';
/** Every request/reply operation on prompts, links and system prompts. */
export declare const PromptOperations: {
    readonly create: import("../common/operation").OperationContract<z.ZodUndefined, z.ZodUndefined, z.ZodObject<{
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
    }, z.core.$strict>>;
    readonly get: import("../common/operation").OperationContract<z.ZodObject<{
        id: z.ZodUUID;
    }, z.core.$strip>, z.ZodObject<{
        version: z.ZodOptional<z.ZodCoercedNumber<unknown>>;
        label: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>, z.ZodUndefined>;
    readonly revise: import("../common/operation").OperationContract<z.ZodObject<{
        id: z.ZodUUID;
    }, z.core.$strip>, z.ZodUndefined, z.ZodObject<{
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
    }, z.core.$strict>>;
    readonly list: import("../common/operation").OperationContract<z.ZodUndefined, z.ZodObject<{
        name: z.ZodOptional<z.ZodString>;
        tag: z.ZodOptional<z.ZodString>;
        label: z.ZodOptional<z.ZodString>;
        limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
        cursor: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>, z.ZodUndefined>;
    readonly versions: import("../common/operation").OperationContract<z.ZodObject<{
        id: z.ZodUUID;
    }, z.core.$strip>, z.ZodObject<{
        limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
        cursor: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>, z.ZodUndefined>;
    readonly moveLabel: import("../common/operation").OperationContract<z.ZodObject<{
        id: z.ZodUUID;
    }, z.core.$strip>, z.ZodUndefined, z.ZodObject<{
        label: z.ZodString;
        version: z.ZodNumber;
    }, z.core.$strict>>;
    readonly removeLabel: import("../common/operation").OperationContract<z.ZodObject<{
        id: z.ZodUUID;
        label: z.ZodString;
    }, z.core.$strip>, z.ZodUndefined, z.ZodUndefined>;
    readonly link: import("../common/operation").OperationContract<z.ZodObject<{
        id: z.ZodUUID;
    }, z.core.$strip>, z.ZodUndefined, z.ZodObject<{
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
    }, z.core.$strict>>;
    readonly updateLink: import("../common/operation").OperationContract<z.ZodObject<{
        id: z.ZodUUID;
        promptId: z.ZodUUID;
    }, z.core.$strip>, z.ZodUndefined, z.ZodObject<{
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
    }, z.core.$strict>>;
    readonly unlink: import("../common/operation").OperationContract<z.ZodObject<{
        id: z.ZodUUID;
        promptId: z.ZodUUID;
    }, z.core.$strip>, z.ZodUndefined, z.ZodUndefined>;
    readonly links: import("../common/operation").OperationContract<z.ZodObject<{
        id: z.ZodUUID;
    }, z.core.$strip>, z.ZodUndefined, z.ZodUndefined>;
    readonly suggestions: import("../common/operation").OperationContract<z.ZodObject<{
        id: z.ZodUUID;
    }, z.core.$strip>, z.ZodObject<{
        limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    }, z.core.$strict>, z.ZodUndefined>;
    readonly linkedAssistants: import("../common/operation").OperationContract<z.ZodObject<{
        promptId: z.ZodUUID;
    }, z.core.$strip>, z.ZodUndefined, z.ZodUndefined>;
    readonly systemPrompt: import("../common/operation").OperationContract<z.ZodObject<{
        id: z.ZodUUID;
    }, z.core.$strip>, z.ZodUndefined, z.ZodDefault<z.ZodObject<{
        variables: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean]>>>;
    }, z.core.$strict>>>;
};
