import { z } from 'zod';
export declare const ASSISTANT_TYPES: readonly ["general", "specialized", "conversational", "task_oriented", "analytical", "creative", "support", "educational"];
export declare const ASSISTANT_STATUSES: readonly ["draft", "active", "inactive", "archived"];
export declare const TRAIT_CATEGORIES: readonly ["personality", "communication", "expertise", "behavioral", "cognitive"];
export declare const RESPONSE_STYLE_TYPES: readonly ["formal", "casual", "technical", "creative", "educational", "empathetic"];
export declare const traitSchema: z.ZodObject<{
    name: z.ZodString;
    category: z.ZodEnum<{
        personality: "personality";
        communication: "communication";
        expertise: "expertise";
        behavioral: "behavioral";
        cognitive: "cognitive";
    }>;
    value: z.ZodUnion<readonly [z.ZodNumber, z.ZodString, z.ZodBoolean]>;
    weight: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>;
export declare const responseStyleSchema: z.ZodObject<{
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
}, z.core.$strict>;
export declare const knowledgeDomainSchema: z.ZodObject<{
    name: z.ZodString;
    expertiseLevel: z.ZodNumber;
    topics: z.ZodDefault<z.ZodArray<z.ZodString>>;
    keywords: z.ZodDefault<z.ZodArray<z.ZodString>>;
}, z.core.$strict>;
export declare const behaviorRuleSchema: z.ZodObject<{
    condition: z.ZodString;
    action: z.ZodString;
    priority: z.ZodDefault<z.ZodNumber>;
    mandatory: z.ZodDefault<z.ZodBoolean>;
}, z.core.$strict>;
export declare const personaSchema: z.ZodObject<{
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
        weight: z.ZodDefault<z.ZodNumber>;
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
        topics: z.ZodDefault<z.ZodArray<z.ZodString>>;
        keywords: z.ZodDefault<z.ZodArray<z.ZodString>>;
    }, z.core.$strict>>>;
    behaviorRules: z.ZodOptional<z.ZodArray<z.ZodObject<{
        condition: z.ZodString;
        action: z.ZodString;
        priority: z.ZodDefault<z.ZodNumber>;
        mandatory: z.ZodDefault<z.ZodBoolean>;
    }, z.core.$strict>>>;
}, z.core.$strict>;
export declare const configurationSchema: z.ZodObject<{
    model: z.ZodOptional<z.ZodString>;
    temperature: z.ZodOptional<z.ZodNumber>;
    maxTokens: z.ZodOptional<z.ZodNumber>;
    contextWindowTokens: z.ZodOptional<z.ZodNumber>;
    topP: z.ZodOptional<z.ZodNumber>;
}, z.core.$strict>;
export declare const createAssistantSchema: z.ZodObject<{
    name: z.ZodString;
    slug: z.ZodOptional<z.ZodString>;
    description: z.ZodOptional<z.ZodString>;
    type: z.ZodDefault<z.ZodEnum<{
        general: "general";
        specialized: "specialized";
        conversational: "conversational";
        task_oriented: "task_oriented";
        analytical: "analytical";
        creative: "creative";
        support: "support";
        educational: "educational";
    }>>;
    tags: z.ZodDefault<z.ZodArray<z.ZodString>>;
    specialty: z.ZodOptional<z.ZodString>;
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
            weight: z.ZodDefault<z.ZodNumber>;
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
            topics: z.ZodDefault<z.ZodArray<z.ZodString>>;
            keywords: z.ZodDefault<z.ZodArray<z.ZodString>>;
        }, z.core.$strict>>>;
        behaviorRules: z.ZodOptional<z.ZodArray<z.ZodObject<{
            condition: z.ZodString;
            action: z.ZodString;
            priority: z.ZodDefault<z.ZodNumber>;
            mandatory: z.ZodDefault<z.ZodBoolean>;
        }, z.core.$strict>>>;
    }, z.core.$strict>>;
    configuration: z.ZodOptional<z.ZodObject<{
        model: z.ZodOptional<z.ZodString>;
        temperature: z.ZodOptional<z.ZodNumber>;
        maxTokens: z.ZodOptional<z.ZodNumber>;
        contextWindowTokens: z.ZodOptional<z.ZodNumber>;
        topP: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export declare const updateAssistantSchema: z.ZodObject<{
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
    status: z.ZodOptional<z.ZodEnum<{
        draft: "draft";
        active: "active";
        inactive: "inactive";
        archived: "archived";
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
            weight: z.ZodDefault<z.ZodNumber>;
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
            topics: z.ZodDefault<z.ZodArray<z.ZodString>>;
            keywords: z.ZodDefault<z.ZodArray<z.ZodString>>;
        }, z.core.$strict>>>;
        behaviorRules: z.ZodOptional<z.ZodArray<z.ZodObject<{
            condition: z.ZodString;
            action: z.ZodString;
            priority: z.ZodDefault<z.ZodNumber>;
            mandatory: z.ZodDefault<z.ZodBoolean>;
        }, z.core.$strict>>>;
    }, z.core.$strict>>;
    configuration: z.ZodOptional<z.ZodObject<{
        model: z.ZodOptional<z.ZodString>;
        temperature: z.ZodOptional<z.ZodNumber>;
        maxTokens: z.ZodOptional<z.ZodNumber>;
        contextWindowTokens: z.ZodOptional<z.ZodNumber>;
        topP: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export declare const cloneAssistantSchema: z.ZodObject<{
    name: z.ZodOptional<z.ZodString>;
    slug: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const recordUsageSchema: z.ZodObject<{
    conversations: z.ZodOptional<z.ZodNumber>;
    messages: z.ZodOptional<z.ZodNumber>;
    tokens: z.ZodOptional<z.ZodNumber>;
    responseTimeMs: z.ZodOptional<z.ZodNumber>;
    satisfaction: z.ZodOptional<z.ZodNumber>;
}, z.core.$strict>;
export declare const listAssistantsQuerySchema: z.ZodObject<{
    status: z.ZodOptional<z.ZodEnum<{
        draft: "draft";
        active: "active";
        inactive: "inactive";
        archived: "archived";
    }>>;
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
    tag: z.ZodOptional<z.ZodString>;
    ownerId: z.ZodOptional<z.ZodString>;
    parentId: z.ZodOptional<z.ZodUUID>;
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    cursor: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const searchAssistantsQuerySchema: z.ZodObject<{
    q: z.ZodString;
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
    status: z.ZodOptional<z.ZodEnum<{
        draft: "draft";
        active: "active";
        inactive: "inactive";
        archived: "archived";
    }>>;
    tags: z.ZodOptional<z.ZodString>;
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    cursor: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const popularAssistantsQuerySchema: z.ZodObject<{
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    cursor: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export declare const getAssistantQuerySchema: z.ZodObject<{
    version: z.ZodOptional<z.ZodCoercedNumber<unknown>>;
}, z.core.$strict>;
export declare const historyQuerySchema: z.ZodObject<{
    limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    cursor: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export type CreateAssistantBody = z.infer<typeof createAssistantSchema>;
export type UpdateAssistantBody = z.infer<typeof updateAssistantSchema>;
export type CloneAssistantBody = z.infer<typeof cloneAssistantSchema>;
export type RecordUsageBody = z.infer<typeof recordUsageSchema>;
export type ListAssistantsQuery = z.infer<typeof listAssistantsQuerySchema>;
export type SearchAssistantsQuery = z.infer<typeof searchAssistantsQuerySchema>;
export type PopularAssistantsQuery = z.infer<typeof popularAssistantsQuerySchema>;
export type GetAssistantQuery = z.infer<typeof getAssistantQuerySchema>;
export type HistoryQuery = z.infer<typeof historyQuerySchema>;
export type PersonaInput = z.infer<typeof personaSchema>;
export type ConfigurationInput = z.infer<typeof configurationSchema>;
