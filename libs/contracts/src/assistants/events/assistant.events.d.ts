import { z } from 'zod';
import { type EventUpcaster } from '../../common/event-contracts';
export declare const personaEventSchema: z.ZodObject<{
    personality: z.ZodOptional<z.ZodString>;
    tone: z.ZodOptional<z.ZodString>;
    traits: z.ZodOptional<z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        category: z.ZodEnum<{
            personality: "personality";
            communication: "communication";
            expertise: "expertise";
            behavioral: "behavioral";
            cognitive: "cognitive";
        }>;
        value: z.ZodUnion<readonly [z.ZodNumber, z.ZodString, z.ZodBoolean]>;
        weight: z.ZodNumber;
    }, z.core.$strict>>>;
    responseStyle: z.ZodOptional<z.ZodObject<{
        type: z.ZodEnum<{
            creative: "creative";
            educational: "educational";
            formal: "formal";
            casual: "casual";
            technical: "technical";
            empathetic: "empathetic";
        }>;
        formality: z.ZodNumber;
        verbosity: z.ZodNumber;
    }, z.core.$strict>>;
    knowledgeDomains: z.ZodOptional<z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        expertiseLevel: z.ZodNumber;
        topics: z.ZodArray<z.ZodString>;
        keywords: z.ZodArray<z.ZodString>;
    }, z.core.$strict>>>;
    behaviorRules: z.ZodOptional<z.ZodArray<z.ZodObject<{
        condition: z.ZodString;
        action: z.ZodString;
        priority: z.ZodNumber;
        mandatory: z.ZodBoolean;
    }, z.core.$strict>>>;
}, z.core.$strict>;
export declare const configurationEventSchema: z.ZodObject<{
    model: z.ZodString;
    temperature: z.ZodNumber;
    maxTokens: z.ZodNumber;
    contextWindowTokens: z.ZodNumber;
    topP: z.ZodNumber;
}, z.core.$strict>;
export declare const assistantProfileEventSchema: z.ZodObject<{
    name: z.ZodString;
    slug: z.ZodString;
    description: z.ZodNullable<z.ZodString>;
    type: z.ZodEnum<{
        general: "general";
        specialized: "specialized";
        conversational: "conversational";
        task_oriented: "task_oriented";
        analytical: "analytical";
        creative: "creative";
        support: "support";
        educational: "educational";
    }>;
    tags: z.ZodArray<z.ZodString>;
    specialty: z.ZodNullable<z.ZodString>;
    persona: z.ZodObject<{
        personality: z.ZodOptional<z.ZodString>;
        tone: z.ZodOptional<z.ZodString>;
        traits: z.ZodOptional<z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            category: z.ZodEnum<{
                personality: "personality";
                communication: "communication";
                expertise: "expertise";
                behavioral: "behavioral";
                cognitive: "cognitive";
            }>;
            value: z.ZodUnion<readonly [z.ZodNumber, z.ZodString, z.ZodBoolean]>;
            weight: z.ZodNumber;
        }, z.core.$strict>>>;
        responseStyle: z.ZodOptional<z.ZodObject<{
            type: z.ZodEnum<{
                creative: "creative";
                educational: "educational";
                formal: "formal";
                casual: "casual";
                technical: "technical";
                empathetic: "empathetic";
            }>;
            formality: z.ZodNumber;
            verbosity: z.ZodNumber;
        }, z.core.$strict>>;
        knowledgeDomains: z.ZodOptional<z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            expertiseLevel: z.ZodNumber;
            topics: z.ZodArray<z.ZodString>;
            keywords: z.ZodArray<z.ZodString>;
        }, z.core.$strict>>>;
        behaviorRules: z.ZodOptional<z.ZodArray<z.ZodObject<{
            condition: z.ZodString;
            action: z.ZodString;
            priority: z.ZodNumber;
            mandatory: z.ZodBoolean;
        }, z.core.$strict>>>;
    }, z.core.$strict>;
    configuration: z.ZodObject<{
        model: z.ZodString;
        temperature: z.ZodNumber;
        maxTokens: z.ZodNumber;
        contextWindowTokens: z.ZodNumber;
        topP: z.ZodNumber;
    }, z.core.$strict>;
}, z.core.$strict>;
/** A prompt linked to an assistant: pinned to a version, or following a label (`latest` by default). */
export declare const promptLinkEventSchema: z.ZodObject<{
    promptId: z.ZodString;
    role: z.ZodEnum<{
        primary: "primary";
        secondary: "secondary";
        fallback: "fallback";
    }>;
    priority: z.ZodNumber;
    conditions: z.ZodArray<z.ZodDiscriminatedUnion<[z.ZodObject<{
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
    }, z.core.$strict>], "operator">>;
    pin: z.ZodUnion<readonly [z.ZodObject<{
        version: z.ZodNumber;
    }, z.core.$strict>, z.ZodObject<{
        label: z.ZodString;
    }, z.core.$strict>]>;
    linkedAt: z.ZodISODateTime;
}, z.core.$strict>;
export declare const assistantEventContractMap: {
    readonly AssistantCreated: {
        readonly schemaVersion: 1;
        readonly schema: z.ZodObject<{
            assistantId: z.ZodString;
            ownerId: z.ZodString;
            createdAt: z.ZodISODateTime;
            name: z.ZodString;
            slug: z.ZodString;
            description: z.ZodNullable<z.ZodString>;
            type: z.ZodEnum<{
                general: "general";
                specialized: "specialized";
                conversational: "conversational";
                task_oriented: "task_oriented";
                analytical: "analytical";
                creative: "creative";
                support: "support";
                educational: "educational";
            }>;
            tags: z.ZodArray<z.ZodString>;
            specialty: z.ZodNullable<z.ZodString>;
            persona: z.ZodObject<{
                personality: z.ZodOptional<z.ZodString>;
                tone: z.ZodOptional<z.ZodString>;
                traits: z.ZodOptional<z.ZodArray<z.ZodObject<{
                    name: z.ZodString;
                    category: z.ZodEnum<{
                        personality: "personality";
                        communication: "communication";
                        expertise: "expertise";
                        behavioral: "behavioral";
                        cognitive: "cognitive";
                    }>;
                    value: z.ZodUnion<readonly [z.ZodNumber, z.ZodString, z.ZodBoolean]>;
                    weight: z.ZodNumber;
                }, z.core.$strict>>>;
                responseStyle: z.ZodOptional<z.ZodObject<{
                    type: z.ZodEnum<{
                        creative: "creative";
                        educational: "educational";
                        formal: "formal";
                        casual: "casual";
                        technical: "technical";
                        empathetic: "empathetic";
                    }>;
                    formality: z.ZodNumber;
                    verbosity: z.ZodNumber;
                }, z.core.$strict>>;
                knowledgeDomains: z.ZodOptional<z.ZodArray<z.ZodObject<{
                    name: z.ZodString;
                    expertiseLevel: z.ZodNumber;
                    topics: z.ZodArray<z.ZodString>;
                    keywords: z.ZodArray<z.ZodString>;
                }, z.core.$strict>>>;
                behaviorRules: z.ZodOptional<z.ZodArray<z.ZodObject<{
                    condition: z.ZodString;
                    action: z.ZodString;
                    priority: z.ZodNumber;
                    mandatory: z.ZodBoolean;
                }, z.core.$strict>>>;
            }, z.core.$strict>;
            configuration: z.ZodObject<{
                model: z.ZodString;
                temperature: z.ZodNumber;
                maxTokens: z.ZodNumber;
                contextWindowTokens: z.ZodNumber;
                topP: z.ZodNumber;
            }, z.core.$strict>;
        }, z.core.$strict>;
    };
    readonly AssistantCloned: {
        readonly schemaVersion: 1;
        readonly schema: z.ZodObject<{
            parentId: z.ZodString;
            parentVersion: z.ZodNumber;
            assistantId: z.ZodString;
            ownerId: z.ZodString;
            createdAt: z.ZodISODateTime;
            name: z.ZodString;
            slug: z.ZodString;
            description: z.ZodNullable<z.ZodString>;
            type: z.ZodEnum<{
                general: "general";
                specialized: "specialized";
                conversational: "conversational";
                task_oriented: "task_oriented";
                analytical: "analytical";
                creative: "creative";
                support: "support";
                educational: "educational";
            }>;
            tags: z.ZodArray<z.ZodString>;
            specialty: z.ZodNullable<z.ZodString>;
            persona: z.ZodObject<{
                personality: z.ZodOptional<z.ZodString>;
                tone: z.ZodOptional<z.ZodString>;
                traits: z.ZodOptional<z.ZodArray<z.ZodObject<{
                    name: z.ZodString;
                    category: z.ZodEnum<{
                        personality: "personality";
                        communication: "communication";
                        expertise: "expertise";
                        behavioral: "behavioral";
                        cognitive: "cognitive";
                    }>;
                    value: z.ZodUnion<readonly [z.ZodNumber, z.ZodString, z.ZodBoolean]>;
                    weight: z.ZodNumber;
                }, z.core.$strict>>>;
                responseStyle: z.ZodOptional<z.ZodObject<{
                    type: z.ZodEnum<{
                        creative: "creative";
                        educational: "educational";
                        formal: "formal";
                        casual: "casual";
                        technical: "technical";
                        empathetic: "empathetic";
                    }>;
                    formality: z.ZodNumber;
                    verbosity: z.ZodNumber;
                }, z.core.$strict>>;
                knowledgeDomains: z.ZodOptional<z.ZodArray<z.ZodObject<{
                    name: z.ZodString;
                    expertiseLevel: z.ZodNumber;
                    topics: z.ZodArray<z.ZodString>;
                    keywords: z.ZodArray<z.ZodString>;
                }, z.core.$strict>>>;
                behaviorRules: z.ZodOptional<z.ZodArray<z.ZodObject<{
                    condition: z.ZodString;
                    action: z.ZodString;
                    priority: z.ZodNumber;
                    mandatory: z.ZodBoolean;
                }, z.core.$strict>>>;
            }, z.core.$strict>;
            configuration: z.ZodObject<{
                model: z.ZodString;
                temperature: z.ZodNumber;
                maxTokens: z.ZodNumber;
                contextWindowTokens: z.ZodNumber;
                topP: z.ZodNumber;
            }, z.core.$strict>;
        }, z.core.$strict>;
    };
    readonly AssistantUpdated: {
        readonly schemaVersion: 1;
        readonly schema: z.ZodObject<{
            assistantId: z.ZodString;
            changes: z.ZodObject<{
                configuration: z.ZodOptional<z.ZodObject<{
                    model: z.ZodOptional<z.ZodString>;
                    temperature: z.ZodOptional<z.ZodNumber>;
                    maxTokens: z.ZodOptional<z.ZodNumber>;
                    contextWindowTokens: z.ZodOptional<z.ZodNumber>;
                    topP: z.ZodOptional<z.ZodNumber>;
                }, z.core.$strict>>;
                name: z.ZodOptional<z.ZodString>;
                slug: z.ZodOptional<z.ZodString>;
                description: z.ZodOptional<z.ZodNullable<z.ZodString>>;
                type: z.ZodOptional<z.ZodEnum<{
                    general: "general";
                    specialized: "specialized";
                    conversational: "conversational";
                    task_oriented: "task_oriented";
                    analytical: "analytical";
                    creative: "creative";
                    support: "support";
                    educational: "educational";
                }>>;
                tags: z.ZodOptional<z.ZodArray<z.ZodString>>;
                specialty: z.ZodOptional<z.ZodNullable<z.ZodString>>;
                persona: z.ZodOptional<z.ZodObject<{
                    personality: z.ZodOptional<z.ZodString>;
                    tone: z.ZodOptional<z.ZodString>;
                    traits: z.ZodOptional<z.ZodArray<z.ZodObject<{
                        name: z.ZodString;
                        category: z.ZodEnum<{
                            personality: "personality";
                            communication: "communication";
                            expertise: "expertise";
                            behavioral: "behavioral";
                            cognitive: "cognitive";
                        }>;
                        value: z.ZodUnion<readonly [z.ZodNumber, z.ZodString, z.ZodBoolean]>;
                        weight: z.ZodNumber;
                    }, z.core.$strict>>>;
                    responseStyle: z.ZodOptional<z.ZodObject<{
                        type: z.ZodEnum<{
                            creative: "creative";
                            educational: "educational";
                            formal: "formal";
                            casual: "casual";
                            technical: "technical";
                            empathetic: "empathetic";
                        }>;
                        formality: z.ZodNumber;
                        verbosity: z.ZodNumber;
                    }, z.core.$strict>>;
                    knowledgeDomains: z.ZodOptional<z.ZodArray<z.ZodObject<{
                        name: z.ZodString;
                        expertiseLevel: z.ZodNumber;
                        topics: z.ZodArray<z.ZodString>;
                        keywords: z.ZodArray<z.ZodString>;
                    }, z.core.$strict>>>;
                    behaviorRules: z.ZodOptional<z.ZodArray<z.ZodObject<{
                        condition: z.ZodString;
                        action: z.ZodString;
                        priority: z.ZodNumber;
                        mandatory: z.ZodBoolean;
                    }, z.core.$strict>>>;
                }, z.core.$strict>>;
            }, z.core.$strict>;
            updatedAt: z.ZodISODateTime;
        }, z.core.$strict>;
    };
    readonly AssistantActivated: {
        readonly schemaVersion: 1;
        readonly schema: z.ZodObject<{
            assistantId: z.ZodString;
            from: z.ZodEnum<{
                draft: "draft";
                active: "active";
                inactive: "inactive";
                archived: "archived";
            }>;
            at: z.ZodISODateTime;
        }, z.core.$strict>;
    };
    readonly AssistantDeactivated: {
        readonly schemaVersion: 1;
        readonly schema: z.ZodObject<{
            assistantId: z.ZodString;
            from: z.ZodEnum<{
                draft: "draft";
                active: "active";
                inactive: "inactive";
                archived: "archived";
            }>;
            at: z.ZodISODateTime;
        }, z.core.$strict>;
    };
    readonly AssistantArchived: {
        readonly schemaVersion: 1;
        readonly schema: z.ZodObject<{
            assistantId: z.ZodString;
            from: z.ZodEnum<{
                draft: "draft";
                active: "active";
                inactive: "inactive";
                archived: "archived";
            }>;
            at: z.ZodISODateTime;
        }, z.core.$strict>;
    };
    readonly AssistantUsageRecorded: {
        readonly schemaVersion: 2;
        readonly schema: z.ZodObject<{
            responseTimeSamples: z.ZodNumber;
            assistantId: z.ZodString;
            conversations: z.ZodNumber;
            messages: z.ZodNumber;
            tokens: z.ZodNumber;
            responseTimeMs: z.ZodNullable<z.ZodNumber>;
            satisfaction: z.ZodNullable<z.ZodNumber>;
            at: z.ZodISODateTime;
        }, z.core.$strict>;
    };
    readonly AssistantPromptLinked: {
        readonly schemaVersion: 1;
        readonly schema: z.ZodObject<{
            assistantId: z.ZodString;
            link: z.ZodObject<{
                promptId: z.ZodString;
                role: z.ZodEnum<{
                    primary: "primary";
                    secondary: "secondary";
                    fallback: "fallback";
                }>;
                priority: z.ZodNumber;
                conditions: z.ZodArray<z.ZodDiscriminatedUnion<[z.ZodObject<{
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
                }, z.core.$strict>], "operator">>;
                pin: z.ZodUnion<readonly [z.ZodObject<{
                    version: z.ZodNumber;
                }, z.core.$strict>, z.ZodObject<{
                    label: z.ZodString;
                }, z.core.$strict>]>;
                linkedAt: z.ZodISODateTime;
            }, z.core.$strict>;
        }, z.core.$strict>;
    };
    readonly AssistantPromptLinkUpdated: {
        readonly schemaVersion: 1;
        readonly schema: z.ZodObject<{
            assistantId: z.ZodString;
            link: z.ZodObject<{
                promptId: z.ZodString;
                role: z.ZodEnum<{
                    primary: "primary";
                    secondary: "secondary";
                    fallback: "fallback";
                }>;
                priority: z.ZodNumber;
                conditions: z.ZodArray<z.ZodDiscriminatedUnion<[z.ZodObject<{
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
                }, z.core.$strict>], "operator">>;
                pin: z.ZodUnion<readonly [z.ZodObject<{
                    version: z.ZodNumber;
                }, z.core.$strict>, z.ZodObject<{
                    label: z.ZodString;
                }, z.core.$strict>]>;
                linkedAt: z.ZodISODateTime;
            }, z.core.$strict>;
            at: z.ZodISODateTime;
        }, z.core.$strict>;
    };
    readonly AssistantPromptUnlinked: {
        readonly schemaVersion: 1;
        readonly schema: z.ZodObject<{
            assistantId: z.ZodString;
            promptId: z.ZodString;
            at: z.ZodISODateTime;
        }, z.core.$strict>;
    };
};
export declare const assistantEventUpcasters: readonly EventUpcaster[];
