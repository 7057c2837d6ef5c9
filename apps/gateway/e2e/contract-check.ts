import {
  AccessOperations as K,
  AnalyticsOperations as N,
  AssistantOperations as A,
  ConversationOperations as C,
  DeploymentOperations as D,
  problemSchema,
  PromptOperations as P,
  type OperationContract,
} from '@platform/contracts';
import { z } from 'zod';

const API = '/api/v1';

// The gateway's route table (apps/gateway/src/routes) as method, path and operation: e2e tests may not import
// the gateway, so it is restated here, and the OpenAPI check in assistants.e2e.spec.ts keeps the two in step.
export const CONTRACT_ROUTES: readonly (readonly [method: string, path: string, operation: OperationContract])[] = [
  ['POST', '/assistants', A.create],
  ['GET', '/assistants', A.list],
  ['GET', '/assistants/search', A.search],
  ['GET', '/assistants/popular', A.popular],
  ['GET', '/assistants/types', A.types],
  ['GET', '/assistants/statuses', A.statuses],
  ['GET', '/assistants/{id}', A.get],
  ['PUT', '/assistants/{id}', A.update],
  ['DELETE', '/assistants/{id}', A.archive],
  ['POST', '/assistants/{id}/clone', A.clone],
  ['POST', '/assistants/{id}/usage', A.recordUsage],
  ['GET', '/assistants/{id}/history', A.history],
  ['POST', '/prompts', P.create],
  ['GET', '/prompts', P.list],
  ['GET', '/prompts/{id}', P.get],
  ['PUT', '/prompts/{id}', P.revise],
  ['GET', '/prompts/{id}/versions', P.versions],
  ['POST', '/prompts/{id}/labels', P.moveLabel],
  ['DELETE', '/prompts/{id}/labels/{label}', P.removeLabel],
  ['GET', '/assistants/prompts/{promptId}/assistants', P.linkedAssistants],
  ['POST', '/assistants/{id}/prompts', P.link],
  ['GET', '/assistants/{id}/prompts', P.links],
  ['GET', '/assistants/{id}/prompts/suggestions', P.suggestions],
  ['GET', '/assistants/{id}/prompts/{promptId}', P.getLink],
  ['PUT', '/assistants/{id}/prompts/{promptId}', P.updateLink],
  ['DELETE', '/assistants/{id}/prompts/{promptId}', P.unlink],
  ['POST', '/assistants/{id}/system-prompt', P.systemPrompt],
  ['POST', '/api-keys', K.createKey],
  ['GET', '/api-keys', K.listKeys],
  ['GET', '/api-keys/{id}', K.getKey],
  ['DELETE', '/api-keys/{id}', K.revokeKey],
  ['GET', '/audit', K.audit],
  ['GET', '/assistants/{id}/system-prompt', P.systemPrompt],
  ['POST', '/conversations', C.start],
  ['GET', '/conversations', C.list],
  ['GET', '/conversations/active', C.active],
  ['GET', '/conversations/{id}', C.get],
  ['POST', '/conversations/{id}/messages', C.appendMessage],
  ['GET', '/conversations/{id}/messages', C.messages],
  ['PUT', '/conversations/{id}/context', C.setContext],
  ['POST', '/conversations/{id}/end', C.end],
  ['GET', '/conversations/{id}/summary', C.summary],
  ['POST', '/conversations/{id}/messages/{messageId}/feedback', C.rateMessage],
  ['GET', '/assistants/environments', D.environments],
  ['POST', '/assistants/{id}/deploy', D.deploy],
  ['PUT', '/assistants/deployments/{deploymentId}/status', D.reportStatus],
  ['POST', '/assistants/{id}/rollback', D.rollback],
  ['GET', '/assistants/{id}/deployments', D.history],
  ['GET', '/assistants/{id}/deployment-status', D.status],
  ['POST', '/assistants/{id}/promote', D.promote],
  ['POST', '/assistants/{id}/scale', D.scale],
  ['GET', '/assistants/{id}/metrics', N.metrics],
  ['GET', '/assistants/{id}/usage', N.usage],
  ['POST', '/assistants/compare', N.compare],
  ['GET', '/assistants/{id}/health', N.health],
  ['GET', '/assistants/summary', N.summary],
  ['GET', '/analytics/lag', N.lag],
];

const segments = (path: string) => path.split('/').filter(Boolean);

/** The operation behind a request; a literal segment beats a parameter, as in the gateway's router. */
export function operationOf(method: string, url: string): OperationContract | undefined {
  const path = new URL(url, 'http://gateway').pathname;
  if (!path.startsWith(`${API}/`)) return undefined;
  const given = segments(path.slice(API.length));
  let best: { operation: OperationContract; params: number } | undefined;
  for (const [m, pattern, operation] of CONTRACT_ROUTES) {
    const expected = segments(pattern);
    if (m !== method || expected.length !== given.length) continue;
    const isParam = (s: string) => s.startsWith('{');
    if (!expected.every((s, i) => isParam(s) || s === given[i])) continue;
    const params = expected.filter(isParam).length;
    if (!best || params < best.params) best = { operation, params };
  }
  return best?.operation;
}

/**
 * Fails unless the answer is what its route's contract promises: a 2xx body parses with the operation's
 * `response` (strict: no field the contract does not name), a 204 has no body, a problem+json is a Problem.
 */
export function checkAnswer(
  method: string,
  url: string,
  answer: { status: number; contentType: string; body: unknown },
) {
  if (!new URL(url, 'http://gateway').pathname.startsWith(`${API}/`)) return;
  const where = `${method} ${url} (${answer.status})`;
  const parse = (schema: z.ZodType, what: string) => {
    const result = schema.safeParse(answer.body);
    if (!result.success) throw new Error(`${where} answered outside ${what}:\n${z.prettifyError(result.error)}`);
  };
  if (answer.contentType.includes('application/problem+json')) return parse(problemSchema, 'the Problem schema');
  if (answer.status < 200 || answer.status >= 300) return;
  if (answer.status === 204) {
    if (answer.body !== '') throw new Error(`${where} has a body`);
    return;
  }
  const operation = operationOf(method, url);
  if (!operation?.response) throw new Error(`${where}: no operation with a response schema for this route`);
  parse(operation.response, `the response schema of ${operation.pattern}`);
}
