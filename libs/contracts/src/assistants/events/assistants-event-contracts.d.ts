import { type ContractEvent, type EventTypeOf } from '../../common/event-contracts';
/**
 * Every event the assistants service emits (its Assistant and Prompt streams), with the upcasters that bring
 * older stored or published versions up to the current ones. The service hands `upcasters` and
 * `currentSchemaVersions` to its event store; consumers in other services read its bus events through it.
 */
export declare const assistantsEventContracts: import("../../common/event-contracts").EventContracts<{
    readonly PromptCreated: {
        readonly schemaVersion: 1;
        readonly schema: import("zod").ZodObject<{
            promptId: import("zod").ZodString;
            version: import("zod").ZodLiteral<1>;
            createdAt: import("zod").ZodISODateTime;
            name: import("zod").ZodString;
            description: import("zod").ZodNullable<import("zod").ZodString>;
            tags: import("zod").ZodArray<import("zod").ZodString>;
            template: import("zod").ZodString;
            variables: import("zod").ZodArray<import("zod").ZodObject<{
                name: import("zod").ZodString;
                required: import("zod").ZodBoolean;
                default: import("zod").ZodOptional<import("zod").ZodUnion<readonly [import("zod").ZodString, import("zod").ZodNumber, import("zod").ZodBoolean]>>;
                description: import("zod").ZodOptional<import("zod").ZodString>;
            }, import("zod/v4/core").$strict>>;
        }, import("zod/v4/core").$strict>;
    };
    readonly PromptRevised: {
        readonly schemaVersion: 1;
        readonly schema: import("zod").ZodObject<{
            promptId: import("zod").ZodString;
            version: import("zod").ZodNumber;
            revisedAt: import("zod").ZodISODateTime;
            name: import("zod").ZodString;
            description: import("zod").ZodNullable<import("zod").ZodString>;
            tags: import("zod").ZodArray<import("zod").ZodString>;
            template: import("zod").ZodString;
            variables: import("zod").ZodArray<import("zod").ZodObject<{
                name: import("zod").ZodString;
                required: import("zod").ZodBoolean;
                default: import("zod").ZodOptional<import("zod").ZodUnion<readonly [import("zod").ZodString, import("zod").ZodNumber, import("zod").ZodBoolean]>>;
                description: import("zod").ZodOptional<import("zod").ZodString>;
            }, import("zod/v4/core").$strict>>;
        }, import("zod/v4/core").$strict>;
    };
    readonly PromptLabelMoved: {
        readonly schemaVersion: 1;
        readonly schema: import("zod").ZodObject<{
            promptId: import("zod").ZodString;
            label: import("zod").ZodString;
            version: import("zod").ZodNumber;
            previousVersion: import("zod").ZodNullable<import("zod").ZodNumber>;
            at: import("zod").ZodISODateTime;
        }, import("zod/v4/core").$strict>;
    };
    readonly PromptLabelRemoved: {
        readonly schemaVersion: 1;
        readonly schema: import("zod").ZodObject<{
            promptId: import("zod").ZodString;
            label: import("zod").ZodString;
            version: import("zod").ZodNumber;
            at: import("zod").ZodISODateTime;
        }, import("zod/v4/core").$strict>;
    };
    readonly AssistantCreated: {
        readonly schemaVersion: 1;
        readonly schema: import("zod").ZodObject<{
            assistantId: import("zod").ZodString;
            ownerId: import("zod").ZodString;
            createdAt: import("zod").ZodISODateTime;
            name: import("zod").ZodString;
            slug: import("zod").ZodString;
            description: import("zod").ZodNullable<import("zod").ZodString>;
            type: import("zod").ZodEnum<{
                general: "general";
                specialized: "specialized";
                conversational: "conversational";
                task_oriented: "task_oriented";
                analytical: "analytical";
                creative: "creative";
                support: "support";
                educational: "educational";
            }>;
            tags: import("zod").ZodArray<import("zod").ZodString>;
            specialty: import("zod").ZodNullable<import("zod").ZodString>;
            persona: import("zod").ZodObject<{
                personality: import("zod").ZodOptional<import("zod").ZodString>;
                tone: import("zod").ZodOptional<import("zod").ZodString>;
                traits: import("zod").ZodOptional<import("zod").ZodArray<import("zod").ZodObject<{
                    name: import("zod").ZodString;
                    category: import("zod").ZodEnum<{
                        personality: "personality";
                        communication: "communication";
                        expertise: "expertise";
                        behavioral: "behavioral";
                        cognitive: "cognitive";
                    }>;
                    value: import("zod").ZodUnion<readonly [import("zod").ZodNumber, import("zod").ZodString, import("zod").ZodBoolean]>;
                    weight: import("zod").ZodNumber;
                }, import("zod/v4/core").$strict>>>;
                responseStyle: import("zod").ZodOptional<import("zod").ZodObject<{
                    type: import("zod").ZodEnum<{
                        creative: "creative";
                        educational: "educational";
                        formal: "formal";
                        casual: "casual";
                        technical: "technical";
                        empathetic: "empathetic";
                    }>;
                    formality: import("zod").ZodNumber;
                    verbosity: import("zod").ZodNumber;
                }, import("zod/v4/core").$strict>>;
                knowledgeDomains: import("zod").ZodOptional<import("zod").ZodArray<import("zod").ZodObject<{
                    name: import("zod").ZodString;
                    expertiseLevel: import("zod").ZodNumber;
                    topics: import("zod").ZodArray<import("zod").ZodString>;
                    keywords: import("zod").ZodArray<import("zod").ZodString>;
                }, import("zod/v4/core").$strict>>>;
                behaviorRules: import("zod").ZodOptional<import("zod").ZodArray<import("zod").ZodObject<{
                    condition: import("zod").ZodString;
                    action: import("zod").ZodString;
                    priority: import("zod").ZodNumber;
                    mandatory: import("zod").ZodBoolean;
                }, import("zod/v4/core").$strict>>>;
            }, import("zod/v4/core").$strict>;
            configuration: import("zod").ZodObject<{
                model: import("zod").ZodString;
                temperature: import("zod").ZodNumber;
                maxTokens: import("zod").ZodNumber;
                contextWindowTokens: import("zod").ZodNumber;
                topP: import("zod").ZodNumber;
            }, import("zod/v4/core").$strict>;
        }, import("zod/v4/core").$strict>;
    };
    readonly AssistantCloned: {
        readonly schemaVersion: 1;
        readonly schema: import("zod").ZodObject<{
            parentId: import("zod").ZodString;
            parentVersion: import("zod").ZodNumber;
            assistantId: import("zod").ZodString;
            ownerId: import("zod").ZodString;
            createdAt: import("zod").ZodISODateTime;
            name: import("zod").ZodString;
            slug: import("zod").ZodString;
            description: import("zod").ZodNullable<import("zod").ZodString>;
            type: import("zod").ZodEnum<{
                general: "general";
                specialized: "specialized";
                conversational: "conversational";
                task_oriented: "task_oriented";
                analytical: "analytical";
                creative: "creative";
                support: "support";
                educational: "educational";
            }>;
            tags: import("zod").ZodArray<import("zod").ZodString>;
            specialty: import("zod").ZodNullable<import("zod").ZodString>;
            persona: import("zod").ZodObject<{
                personality: import("zod").ZodOptional<import("zod").ZodString>;
                tone: import("zod").ZodOptional<import("zod").ZodString>;
                traits: import("zod").ZodOptional<import("zod").ZodArray<import("zod").ZodObject<{
                    name: import("zod").ZodString;
                    category: import("zod").ZodEnum<{
                        personality: "personality";
                        communication: "communication";
                        expertise: "expertise";
                        behavioral: "behavioral";
                        cognitive: "cognitive";
                    }>;
                    value: import("zod").ZodUnion<readonly [import("zod").ZodNumber, import("zod").ZodString, import("zod").ZodBoolean]>;
                    weight: import("zod").ZodNumber;
                }, import("zod/v4/core").$strict>>>;
                responseStyle: import("zod").ZodOptional<import("zod").ZodObject<{
                    type: import("zod").ZodEnum<{
                        creative: "creative";
                        educational: "educational";
                        formal: "formal";
                        casual: "casual";
                        technical: "technical";
                        empathetic: "empathetic";
                    }>;
                    formality: import("zod").ZodNumber;
                    verbosity: import("zod").ZodNumber;
                }, import("zod/v4/core").$strict>>;
                knowledgeDomains: import("zod").ZodOptional<import("zod").ZodArray<import("zod").ZodObject<{
                    name: import("zod").ZodString;
                    expertiseLevel: import("zod").ZodNumber;
                    topics: import("zod").ZodArray<import("zod").ZodString>;
                    keywords: import("zod").ZodArray<import("zod").ZodString>;
                }, import("zod/v4/core").$strict>>>;
                behaviorRules: import("zod").ZodOptional<import("zod").ZodArray<import("zod").ZodObject<{
                    condition: import("zod").ZodString;
                    action: import("zod").ZodString;
                    priority: import("zod").ZodNumber;
                    mandatory: import("zod").ZodBoolean;
                }, import("zod/v4/core").$strict>>>;
            }, import("zod/v4/core").$strict>;
            configuration: import("zod").ZodObject<{
                model: import("zod").ZodString;
                temperature: import("zod").ZodNumber;
                maxTokens: import("zod").ZodNumber;
                contextWindowTokens: import("zod").ZodNumber;
                topP: import("zod").ZodNumber;
            }, import("zod/v4/core").$strict>;
        }, import("zod/v4/core").$strict>;
    };
    readonly AssistantUpdated: {
        readonly schemaVersion: 1;
        readonly schema: import("zod").ZodObject<{
            assistantId: import("zod").ZodString;
            changes: import("zod").ZodObject<{
                configuration: import("zod").ZodOptional<import("zod").ZodObject<{
                    model: import("zod").ZodOptional<import("zod").ZodString>;
                    temperature: import("zod").ZodOptional<import("zod").ZodNumber>;
                    maxTokens: import("zod").ZodOptional<import("zod").ZodNumber>;
                    contextWindowTokens: import("zod").ZodOptional<import("zod").ZodNumber>;
                    topP: import("zod").ZodOptional<import("zod").ZodNumber>;
                }, import("zod/v4/core").$strict>>;
                name: import("zod").ZodOptional<import("zod").ZodString>;
                slug: import("zod").ZodOptional<import("zod").ZodString>;
                description: import("zod").ZodOptional<import("zod").ZodNullable<import("zod").ZodString>>;
                type: import("zod").ZodOptional<import("zod").ZodEnum<{
                    general: "general";
                    specialized: "specialized";
                    conversational: "conversational";
                    task_oriented: "task_oriented";
                    analytical: "analytical";
                    creative: "creative";
                    support: "support";
                    educational: "educational";
                }>>;
                tags: import("zod").ZodOptional<import("zod").ZodArray<import("zod").ZodString>>;
                specialty: import("zod").ZodOptional<import("zod").ZodNullable<import("zod").ZodString>>;
                persona: import("zod").ZodOptional<import("zod").ZodObject<{
                    personality: import("zod").ZodOptional<import("zod").ZodString>;
                    tone: import("zod").ZodOptional<import("zod").ZodString>;
                    traits: import("zod").ZodOptional<import("zod").ZodArray<import("zod").ZodObject<{
                        name: import("zod").ZodString;
                        category: import("zod").ZodEnum<{
                            personality: "personality";
                            communication: "communication";
                            expertise: "expertise";
                            behavioral: "behavioral";
                            cognitive: "cognitive";
                        }>;
                        value: import("zod").ZodUnion<readonly [import("zod").ZodNumber, import("zod").ZodString, import("zod").ZodBoolean]>;
                        weight: import("zod").ZodNumber;
                    }, import("zod/v4/core").$strict>>>;
                    responseStyle: import("zod").ZodOptional<import("zod").ZodObject<{
                        type: import("zod").ZodEnum<{
                            creative: "creative";
                            educational: "educational";
                            formal: "formal";
                            casual: "casual";
                            technical: "technical";
                            empathetic: "empathetic";
                        }>;
                        formality: import("zod").ZodNumber;
                        verbosity: import("zod").ZodNumber;
                    }, import("zod/v4/core").$strict>>;
                    knowledgeDomains: import("zod").ZodOptional<import("zod").ZodArray<import("zod").ZodObject<{
                        name: import("zod").ZodString;
                        expertiseLevel: import("zod").ZodNumber;
                        topics: import("zod").ZodArray<import("zod").ZodString>;
                        keywords: import("zod").ZodArray<import("zod").ZodString>;
                    }, import("zod/v4/core").$strict>>>;
                    behaviorRules: import("zod").ZodOptional<import("zod").ZodArray<import("zod").ZodObject<{
                        condition: import("zod").ZodString;
                        action: import("zod").ZodString;
                        priority: import("zod").ZodNumber;
                        mandatory: import("zod").ZodBoolean;
                    }, import("zod/v4/core").$strict>>>;
                }, import("zod/v4/core").$strict>>;
            }, import("zod/v4/core").$strict>;
            updatedAt: import("zod").ZodISODateTime;
        }, import("zod/v4/core").$strict>;
    };
    readonly AssistantActivated: {
        readonly schemaVersion: 1;
        readonly schema: import("zod").ZodObject<{
            assistantId: import("zod").ZodString;
            from: import("zod").ZodEnum<{
                draft: "draft";
                active: "active";
                inactive: "inactive";
                archived: "archived";
            }>;
            at: import("zod").ZodISODateTime;
        }, import("zod/v4/core").$strict>;
    };
    readonly AssistantDeactivated: {
        readonly schemaVersion: 1;
        readonly schema: import("zod").ZodObject<{
            assistantId: import("zod").ZodString;
            from: import("zod").ZodEnum<{
                draft: "draft";
                active: "active";
                inactive: "inactive";
                archived: "archived";
            }>;
            at: import("zod").ZodISODateTime;
        }, import("zod/v4/core").$strict>;
    };
    readonly AssistantArchived: {
        readonly schemaVersion: 1;
        readonly schema: import("zod").ZodObject<{
            assistantId: import("zod").ZodString;
            from: import("zod").ZodEnum<{
                draft: "draft";
                active: "active";
                inactive: "inactive";
                archived: "archived";
            }>;
            at: import("zod").ZodISODateTime;
        }, import("zod/v4/core").$strict>;
    };
    readonly AssistantUsageRecorded: {
        readonly schemaVersion: 2;
        readonly schema: import("zod").ZodObject<{
            responseTimeSamples: import("zod").ZodNumber;
            assistantId: import("zod").ZodString;
            conversations: import("zod").ZodNumber;
            messages: import("zod").ZodNumber;
            tokens: import("zod").ZodNumber;
            responseTimeMs: import("zod").ZodNullable<import("zod").ZodNumber>;
            satisfaction: import("zod").ZodNullable<import("zod").ZodNumber>;
            at: import("zod").ZodISODateTime;
        }, import("zod/v4/core").$strict>;
    };
    readonly AssistantPromptLinked: {
        readonly schemaVersion: 1;
        readonly schema: import("zod").ZodObject<{
            assistantId: import("zod").ZodString;
            link: import("zod").ZodObject<{
                promptId: import("zod").ZodString;
                role: import("zod").ZodEnum<{
                    primary: "primary";
                    secondary: "secondary";
                    fallback: "fallback";
                }>;
                priority: import("zod").ZodNumber;
                conditions: import("zod").ZodArray<import("zod").ZodDiscriminatedUnion<[import("zod").ZodObject<{
                    variable: import("zod").ZodString;
                    operator: import("zod").ZodLiteral<"exists">;
                }, import("zod/v4/core").$strict>, import("zod").ZodObject<{
                    variable: import("zod").ZodString;
                    operator: import("zod").ZodEnum<{
                        eq: "eq";
                        neq: "neq";
                    }>;
                    value: import("zod").ZodUnion<readonly [import("zod").ZodString, import("zod").ZodNumber, import("zod").ZodBoolean]>;
                }, import("zod/v4/core").$strict>, import("zod").ZodObject<{
                    variable: import("zod").ZodString;
                    operator: import("zod").ZodLiteral<"in">;
                    value: import("zod").ZodArray<import("zod").ZodUnion<readonly [import("zod").ZodString, import("zod").ZodNumber, import("zod").ZodBoolean]>>;
                }, import("zod/v4/core").$strict>, import("zod").ZodObject<{
                    variable: import("zod").ZodString;
                    operator: import("zod").ZodEnum<{
                        gt: "gt";
                        lt: "lt";
                    }>;
                    value: import("zod").ZodNumber;
                }, import("zod/v4/core").$strict>], "operator">>;
                pin: import("zod").ZodUnion<readonly [import("zod").ZodObject<{
                    version: import("zod").ZodNumber;
                }, import("zod/v4/core").$strict>, import("zod").ZodObject<{
                    label: import("zod").ZodString;
                }, import("zod/v4/core").$strict>]>;
                linkedAt: import("zod").ZodISODateTime;
            }, import("zod/v4/core").$strict>;
        }, import("zod/v4/core").$strict>;
    };
    readonly AssistantPromptLinkUpdated: {
        readonly schemaVersion: 1;
        readonly schema: import("zod").ZodObject<{
            assistantId: import("zod").ZodString;
            link: import("zod").ZodObject<{
                promptId: import("zod").ZodString;
                role: import("zod").ZodEnum<{
                    primary: "primary";
                    secondary: "secondary";
                    fallback: "fallback";
                }>;
                priority: import("zod").ZodNumber;
                conditions: import("zod").ZodArray<import("zod").ZodDiscriminatedUnion<[import("zod").ZodObject<{
                    variable: import("zod").ZodString;
                    operator: import("zod").ZodLiteral<"exists">;
                }, import("zod/v4/core").$strict>, import("zod").ZodObject<{
                    variable: import("zod").ZodString;
                    operator: import("zod").ZodEnum<{
                        eq: "eq";
                        neq: "neq";
                    }>;
                    value: import("zod").ZodUnion<readonly [import("zod").ZodString, import("zod").ZodNumber, import("zod").ZodBoolean]>;
                }, import("zod/v4/core").$strict>, import("zod").ZodObject<{
                    variable: import("zod").ZodString;
                    operator: import("zod").ZodLiteral<"in">;
                    value: import("zod").ZodArray<import("zod").ZodUnion<readonly [import("zod").ZodString, import("zod").ZodNumber, import("zod").ZodBoolean]>>;
                }, import("zod/v4/core").$strict>, import("zod").ZodObject<{
                    variable: import("zod").ZodString;
                    operator: import("zod").ZodEnum<{
                        gt: "gt";
                        lt: "lt";
                    }>;
                    value: import("zod").ZodNumber;
                }, import("zod/v4/core").$strict>], "operator">>;
                pin: import("zod").ZodUnion<readonly [import("zod").ZodObject<{
                    version: import("zod").ZodNumber;
                }, import("zod/v4/core").$strict>, import("zod").ZodObject<{
                    label: import("zod").ZodString;
                }, import("zod/v4/core").$strict>]>;
                linkedAt: import("zod").ZodISODateTime;
            }, import("zod/v4/core").$strict>;
            at: import("zod").ZodISODateTime;
        }, import("zod/v4/core").$strict>;
    };
    readonly AssistantPromptUnlinked: {
        readonly schemaVersion: 1;
        readonly schema: import("zod").ZodObject<{
            assistantId: import("zod").ZodString;
            promptId: import("zod").ZodString;
            at: import("zod").ZodISODateTime;
        }, import("zod/v4/core").$strict>;
    };
}>;
export type AssistantsEventType = EventTypeOf<typeof assistantsEventContracts.events>;
export type AssistantsEvent = ContractEvent<typeof assistantsEventContracts.events>;
