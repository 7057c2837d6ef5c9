/** Every request/reply operation on assistants: the bus pattern and the schemas of its input. */
export declare const AssistantOperations: {
    readonly create: import("../common/operation").OperationContract<import("zod").ZodUndefined, import("zod").ZodUndefined, import("zod").ZodObject<{
        name: import("zod").ZodString;
        slug: import("zod").ZodOptional<import("zod").ZodString>;
        description: import("zod").ZodOptional<import("zod").ZodString>;
        type: import("zod").ZodDefault<import("zod").ZodEnum<{
            general: "general";
            specialized: "specialized";
            conversational: "conversational";
            task_oriented: "task_oriented";
            analytical: "analytical";
            creative: "creative";
            support: "support";
            educational: "educational";
        }>>;
        tags: import("zod").ZodDefault<import("zod").ZodArray<import("zod").ZodString>>;
        specialty: import("zod").ZodOptional<import("zod").ZodString>;
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
                weight: import("zod").ZodDefault<import("zod").ZodNumber>;
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
                topics: import("zod").ZodDefault<import("zod").ZodArray<import("zod").ZodString>>;
                keywords: import("zod").ZodDefault<import("zod").ZodArray<import("zod").ZodString>>;
            }, import("zod/v4/core").$strict>>>;
            behaviorRules: import("zod").ZodOptional<import("zod").ZodArray<import("zod").ZodObject<{
                condition: import("zod").ZodString;
                action: import("zod").ZodString;
                priority: import("zod").ZodDefault<import("zod").ZodNumber>;
                mandatory: import("zod").ZodDefault<import("zod").ZodBoolean>;
            }, import("zod/v4/core").$strict>>>;
        }, import("zod/v4/core").$strict>>;
        configuration: import("zod").ZodOptional<import("zod").ZodObject<{
            model: import("zod").ZodOptional<import("zod").ZodString>;
            temperature: import("zod").ZodOptional<import("zod").ZodNumber>;
            maxTokens: import("zod").ZodOptional<import("zod").ZodNumber>;
            contextWindowTokens: import("zod").ZodOptional<import("zod").ZodNumber>;
            topP: import("zod").ZodOptional<import("zod").ZodNumber>;
        }, import("zod/v4/core").$strict>>;
    }, import("zod/v4/core").$strict>>;
    readonly get: import("../common/operation").OperationContract<import("zod").ZodObject<{
        id: import("zod").ZodUUID;
    }, import("zod/v4/core").$strip>, import("zod").ZodObject<{
        version: import("zod").ZodOptional<import("zod").ZodCoercedNumber<unknown>>;
    }, import("zod/v4/core").$strict>, import("zod").ZodUndefined>;
    readonly update: import("../common/operation").OperationContract<import("zod").ZodObject<{
        id: import("zod").ZodUUID;
    }, import("zod/v4/core").$strip>, import("zod").ZodUndefined, import("zod").ZodObject<{
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
        status: import("zod").ZodOptional<import("zod").ZodEnum<{
            draft: "draft";
            active: "active";
            inactive: "inactive";
            archived: "archived";
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
                weight: import("zod").ZodDefault<import("zod").ZodNumber>;
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
                topics: import("zod").ZodDefault<import("zod").ZodArray<import("zod").ZodString>>;
                keywords: import("zod").ZodDefault<import("zod").ZodArray<import("zod").ZodString>>;
            }, import("zod/v4/core").$strict>>>;
            behaviorRules: import("zod").ZodOptional<import("zod").ZodArray<import("zod").ZodObject<{
                condition: import("zod").ZodString;
                action: import("zod").ZodString;
                priority: import("zod").ZodDefault<import("zod").ZodNumber>;
                mandatory: import("zod").ZodDefault<import("zod").ZodBoolean>;
            }, import("zod/v4/core").$strict>>>;
        }, import("zod/v4/core").$strict>>;
        configuration: import("zod").ZodOptional<import("zod").ZodObject<{
            model: import("zod").ZodOptional<import("zod").ZodString>;
            temperature: import("zod").ZodOptional<import("zod").ZodNumber>;
            maxTokens: import("zod").ZodOptional<import("zod").ZodNumber>;
            contextWindowTokens: import("zod").ZodOptional<import("zod").ZodNumber>;
            topP: import("zod").ZodOptional<import("zod").ZodNumber>;
        }, import("zod/v4/core").$strict>>;
    }, import("zod/v4/core").$strict>>;
    readonly archive: import("../common/operation").OperationContract<import("zod").ZodObject<{
        id: import("zod").ZodUUID;
    }, import("zod/v4/core").$strip>, import("zod").ZodUndefined, import("zod").ZodUndefined>;
    readonly clone: import("../common/operation").OperationContract<import("zod").ZodObject<{
        id: import("zod").ZodUUID;
    }, import("zod/v4/core").$strip>, import("zod").ZodUndefined, import("zod").ZodDefault<import("zod").ZodObject<{
        name: import("zod").ZodOptional<import("zod").ZodString>;
        slug: import("zod").ZodOptional<import("zod").ZodString>;
    }, import("zod/v4/core").$strict>>>;
    readonly recordUsage: import("../common/operation").OperationContract<import("zod").ZodObject<{
        id: import("zod").ZodUUID;
    }, import("zod/v4/core").$strip>, import("zod").ZodUndefined, import("zod").ZodObject<{
        conversations: import("zod").ZodOptional<import("zod").ZodNumber>;
        messages: import("zod").ZodOptional<import("zod").ZodNumber>;
        tokens: import("zod").ZodOptional<import("zod").ZodNumber>;
        responseTimeMs: import("zod").ZodOptional<import("zod").ZodNumber>;
        satisfaction: import("zod").ZodOptional<import("zod").ZodNumber>;
    }, import("zod/v4/core").$strict>>;
    readonly list: import("../common/operation").OperationContract<import("zod").ZodUndefined, import("zod").ZodObject<{
        status: import("zod").ZodOptional<import("zod").ZodEnum<{
            draft: "draft";
            active: "active";
            inactive: "inactive";
            archived: "archived";
        }>>;
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
        tag: import("zod").ZodOptional<import("zod").ZodString>;
        ownerId: import("zod").ZodOptional<import("zod").ZodString>;
        parentId: import("zod").ZodOptional<import("zod").ZodUUID>;
        limit: import("zod").ZodDefault<import("zod").ZodCoercedNumber<unknown>>;
        cursor: import("zod").ZodOptional<import("zod").ZodString>;
    }, import("zod/v4/core").$strict>, import("zod").ZodUndefined>;
    readonly search: import("../common/operation").OperationContract<import("zod").ZodUndefined, import("zod").ZodObject<{
        q: import("zod").ZodString;
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
        status: import("zod").ZodOptional<import("zod").ZodEnum<{
            draft: "draft";
            active: "active";
            inactive: "inactive";
            archived: "archived";
        }>>;
        tags: import("zod").ZodOptional<import("zod").ZodString>;
        limit: import("zod").ZodDefault<import("zod").ZodCoercedNumber<unknown>>;
        cursor: import("zod").ZodOptional<import("zod").ZodString>;
    }, import("zod/v4/core").$strict>, import("zod").ZodUndefined>;
    readonly popular: import("../common/operation").OperationContract<import("zod").ZodUndefined, import("zod").ZodObject<{
        limit: import("zod").ZodDefault<import("zod").ZodCoercedNumber<unknown>>;
        cursor: import("zod").ZodOptional<import("zod").ZodString>;
    }, import("zod/v4/core").$strict>, import("zod").ZodUndefined>;
    readonly history: import("../common/operation").OperationContract<import("zod").ZodObject<{
        id: import("zod").ZodUUID;
    }, import("zod/v4/core").$strip>, import("zod").ZodObject<{
        limit: import("zod").ZodDefault<import("zod").ZodCoercedNumber<unknown>>;
        cursor: import("zod").ZodOptional<import("zod").ZodString>;
    }, import("zod/v4/core").$strict>, import("zod").ZodUndefined>;
    readonly types: import("../common/operation").OperationContract<import("zod").ZodUndefined, import("zod").ZodUndefined, import("zod").ZodUndefined>;
    readonly statuses: import("../common/operation").OperationContract<import("zod").ZodUndefined, import("zod").ZodUndefined, import("zod").ZodUndefined>;
};
