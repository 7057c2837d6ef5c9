/* eslint-disable @typescript-eslint/no-explicit-any */
import { checkAnswer } from './contract-check';
import { documentCheck, type DocumentCheck } from './openapi-check';

// A tiny HTTP client for end-to-end tests: raw enough to send broken bodies and odd headers.
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  contentType: string;
}

export interface ClientOptions {
  /**
   * Check every answer under /api/v1 against its operation's contract (contract-check.ts) and against the OpenAPI
   * document the gateway serves (openapi-check.ts): status, headers and body.
   */
  contracts?: boolean;
}

// One read of each gateway's document, shared by every client of it (the document is public, hence rate-limited).
const documents = new Map<string, Promise<DocumentCheck>>();

export function client(baseUrl: string, token: string, options: ClientOptions = {}) {
  const document = () => {
    let documented = documents.get(baseUrl);
    if (!documented) {
      documented = fetch(`${baseUrl}/api/docs-json`).then(async (res) => {
        if (res.status !== 200) throw new Error(`GET /api/docs-json: ${res.status}`);
        return documentCheck(await res.json());
      });
      documents.set(baseUrl, documented);
      documented.catch(() => documents.delete(baseUrl));
    }
    return documented;
  };
  return async function api<T = any>(
    method: string,
    path: string,
    opts: { body?: unknown; raw?: string | Buffer; headers?: Record<string, string>; auth?: boolean } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...(opts.auth === false ? {} : { authorization: `Bearer ${token}` }) };
    let payload: string | Buffer | undefined;
    if (opts.raw !== undefined) payload = opts.raw;
    else if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    Object.assign(headers, opts.headers);
    const res = await fetch(baseUrl + path, { method, headers, body: payload });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    const answer = {
      status: res.status,
      headers: res.headers,
      contentType,
      body: text && contentType.includes('json') ? JSON.parse(text) : text,
    };
    if (options.contracts) {
      checkAnswer(method, path, answer);
      (await document())(method, path, answer);
    }
    return answer;
  };
}
