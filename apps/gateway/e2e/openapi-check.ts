/* eslint-disable @typescript-eslint/no-explicit-any */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

// Every answer an end-to-end test receives, held to the OpenAPI document the gateway serves: the operation and
// its status are documented, each meaningful header is documented for that status, and the body validates
// against the documented schema (JSON Schema 2020-12, as OpenAPI 3.1 uses it).
const WATCHED_HEADERS = [
  'etag',
  'location',
  'retry-after',
  'www-authenticate',
  'x-request-id',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
];

export interface DocumentCheck {
  (method: string, url: string, answer: { status: number; headers: Headers; contentType: string; body: unknown }): void;
}

export function documentCheck(document: any): DocumentCheck {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new Map<string, ReturnType<typeof ajv.compile>>();
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    parts: template.split('/').filter(Boolean),
  }));

  const templateOf = (path: string) => {
    const given = path.split('/').filter(Boolean);
    const isParam = (s: string) => s.startsWith('{');
    return templates
      .filter((t) => t.parts.length === given.length && t.parts.every((p, i) => isParam(p) || p === given[i]))
      .sort((a, b) => a.parts.filter(isParam).length - b.parts.filter(isParam).length)[0]?.template;
  };

  return (method, url, answer) => {
    const path = new URL(url, 'http://gateway').pathname;
    if (!path.startsWith('/api/v1/')) return;
    const where = `${method} ${url} (${answer.status})`;
    const template = templateOf(path);
    if (!template) {
      // Not a path of the API: the only documented answer is 404.
      if (answer.status !== 404) throw new Error(`${where}: not a documented path, yet not 404`);
      return;
    }
    const head = method === 'HEAD'; // Fastify answers HEAD for every GET, as the GET would, without the body
    const operation = document.paths[template][head ? 'get' : method.toLowerCase()];
    if (!operation) {
      // A documented path asked with another method: 405 naming exactly the documented methods.
      const documented = Object.keys(document.paths[template]).map((m) => m.toUpperCase());
      const allowed = new Set([...documented, ...(documented.includes('GET') ? ['HEAD'] : [])]);
      const given = new Set((answer.headers.get('allow') ?? '').split(',').map((m) => m.trim()));
      if (answer.status !== 405 || [...allowed].sort().join() !== [...given].sort().join()) {
        throw new Error(`${where}: expected 405 with Allow: ${[...allowed]} (got Allow: ${[...given]})`);
      }
      return;
    }
    const response = operation.responses[String(answer.status)];
    if (!response) {
      throw new Error(
        `${where}: status not documented for ${operation.operationId} (${Object.keys(operation.responses)})`,
      );
    }
    const documented = new Set(Object.keys(response.headers ?? {}).map((h) => h.toLowerCase()));
    for (const name of WATCHED_HEADERS) {
      if (answer.headers.has(name) && !documented.has(name)) {
        throw new Error(`${where}: header ${name} not documented for ${operation.operationId} ${answer.status}`);
      }
    }
    const media = Object.keys(response.content ?? {});
    if (media.length === 0 || head) {
      if (answer.body !== '') throw new Error(`${where}: a body where the document promises none`);
      return;
    }
    if (!media.some((m) => answer.contentType.startsWith(m))) {
      throw new Error(`${where}: content type ${answer.contentType}, documented ${media}`);
    }
    const key = `${template} ${method} ${answer.status}`;
    let validate = validators.get(key);
    if (!validate) {
      // The fragment's '#/components/...' references resolve inside this wrapper, as in the document.
      validate = ajv.compile({ ...response.content[media[0]].schema, components: document.components });
      validators.set(key, validate);
    }
    if (!validate(answer.body))
      throw new Error(`${where}: body outside the document: ${ajv.errorsText(validate.errors)}`);
  };
}
