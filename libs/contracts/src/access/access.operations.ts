import { defineOperation, idParams } from '../common/operation';
import { pageSchema } from '../common/page';
import { AccessPatterns as P } from './access.patterns';
import { apiKeySchema, auditEntrySchema, createdApiKeySchema, principalSchema } from './access.responses';
import { auditQuerySchema, authenticateSchema, createApiKeySchema, listApiKeysQuerySchema } from './access.schemas';

const id = idParams('id');

/** API keys, the gateway's token check, and the audit trail. */
export const AccessOperations = {
  createKey: defineOperation({ pattern: P.createKey, body: createApiKeySchema, response: createdApiKeySchema }),
  listKeys: defineOperation({ pattern: P.listKeys, query: listApiKeysQuerySchema, response: pageSchema(apiKeySchema) }),
  getKey: defineOperation({ pattern: P.getKey, params: id, response: apiKeySchema }),
  // The key as it is afterwards; the DELETE route answers 204 without it.
  revokeKey: defineOperation({ pattern: P.revokeKey, params: id, response: apiKeySchema }),
  authenticate: defineOperation({ pattern: P.authenticate, body: authenticateSchema, response: principalSchema }),
  audit: defineOperation({ pattern: P.audit, query: auditQuerySchema, response: pageSchema(auditEntrySchema) }),
};
