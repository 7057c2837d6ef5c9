/* eslint-disable @typescript-eslint/no-explicit-any */
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { AssistantOperations } from '../assistants/assistant.operations';
import { assistantsEventContracts } from '../assistants/events/assistants-event-contracts';
import { problem } from '../problem';
import { PromptOperations } from '../prompts/prompt.operations';
import { healthPattern, PLATFORM_SERVICES } from '../registry/services';
import * as contracts from '../index';
import { asyncApiDocument } from './asyncapi';

// A JSON document walked by key: typing every step would say nothing the assertions do not.
type Json = any;

const doc: Json = asyncApiDocument();

/** A local `$ref` followed (repeatedly), with the JSON pointer of where it led. */
function follow(node: Json, at = ''): { node: Json; at: string } {
  if (!node.$ref) return { node, at };
  const target = node.$ref.slice(1);
  const parts = target
    .split('/')
    .slice(1)
    .map((p: string) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return follow(
    parts.reduce((n: Json, p: string) => n[p], doc),
    target,
  );
}

// The document's own keys (asyncapi, channels, …) are not JSON Schema keywords: strict mode would refuse them.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'asyncapi.json');
const validates = (messagePointer: string, value: unknown) => {
  const validate = ajv.getSchema(`asyncapi.json#${messagePointer}/payload`);
  if (!validate) throw new Error(`No schema at ${messagePointer}`);
  return validate(value) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`);
};

const rpcOperation = (pattern: string) => {
  const found = Object.values<Json>(doc.operations).find(
    (o: Json) => follow(o.channel).node.address === `{prefix}.rpc.${pattern}`,
  );
  if (!found) throw new Error(`No operation on {prefix}.rpc.${pattern}`);
  const message = follow(found.messages[0]).at;
  const [reply, error] = [0, 1].map((i) => follow(found.reply.messages[i]).at);
  return { operation: found, message, reply, error };
};

describe('the AsyncAPI document of the bus', () => {
  const installation = { prefix: 'platform_0123456789', eventStream: 'PLATFORM_0123456789_DOMAIN_EVENTS' };

  it.each([
    ['any installation', doc],
    ['one installation', asyncApiDocument(installation)],
  ])('is valid AsyncAPI 3.0 to the AsyncAPI parser (%s)', async (_, document) => {
    const diagnostics = await new Parser().validate(document);
    expect(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
    // Kept, and the only one: `asyncapi-latest-version` (information) recommends 3.1.0. The bus is published as
    // AsyncAPI 3.0, what the teams reading it were promised; moving to 3.1 is a change of its own.
    expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([
      expect.stringMatching(/^asyncapi-latest-version: /),
    ]);
  });

  // Found among everything the contracts export, so a new context's table or registry is checked without being
  // named here: an operation table is an object of operation contracts, a registry what defineEventContracts makes.
  const exported = Object.values(contracts).filter((v): v is Json => typeof v === 'object' && v !== null);
  const operationTables = exported.filter(
    (v) => Object.keys(v).length > 0 && Object.values<Json>(v).every((o) => typeof o?.pattern === 'string'),
  );
  const eventRegistries = exported.filter((v) => 'currentSchemaVersions' in v && Array.isArray(v.types));

  it('has a request/reply operation for every operation contract and every service health', () => {
    expect(operationTables).toEqual(expect.arrayContaining([AssistantOperations, PromptOperations]));
    const patterns = [
      ...operationTables.flatMap((table) => Object.values<Json>(table).map((o) => o.pattern)),
      ...PLATFORM_SERVICES.map(({ name }) => healthPattern(name)),
    ];
    for (const pattern of patterns) {
      const { operation, message, reply, error } = rpcOperation(pattern);
      expect([pattern, operation.action]).toEqual([pattern, 'receive']);
      expect(follow({ $ref: `#${message}/payload/properties/pattern` }).node.const).toBe(`rpc.${pattern}`);
      expect([reply, error]).toEqual([expect.stringMatching(/\.reply$/), '/components/messages/RpcError']);
    }
    expect(Object.keys(doc.operations).filter((k) => doc.operations[k].action === 'receive')).toHaveLength(
      patterns.length,
    );
  });

  it('has a channel for every published event type, at its current schema version', () => {
    expect(eventRegistries).toEqual(expect.arrayContaining([assistantsEventContracts]));
    for (const [registry, type] of eventRegistries.flatMap((r) => r.types.map((t: string) => [r, t]))) {
      const channel = Object.values<Json>(doc.channels).find((c) =>
        new RegExp(`^\\{prefix\\}\\.events\\.[^.]+\\.${type}$`).test(String(c.address)),
      );
      if (!channel) throw new Error(`No channel for ${type}`);
      const message = follow(Object.values<Json>(channel.messages)[0]).node;
      expect([type, message.payload.properties.schemaVersion.const]).toEqual([
        type,
        registry.currentSchemaVersions[type],
      ]);
      expect(message.headers.properties['Event-Type'].const).toBe(type);
    }
  });

  it('takes what a caller sends and describes what the platform answers, by its own schemas', () => {
    const { message, reply, error } = rpcOperation(AssistantOperations.create.pattern);
    const meta = { actorId: 'team-x', correlationId: 'c-1', requestId: 'r-1' };
    const request = { pattern: 'rpc.assistants.create', data: { meta, body: { body: { name: 'Bus' } } }, id: '1' };
    expect(validates(message, request)).toEqual([]);
    expect(validates(message, { ...request, data: { meta, body: {} } })).toEqual([
      "/data/body must have required property 'body'",
    ]);
    expect(validates(error, { id: '1', err: problem(404, 'No such assistant'), isDisposed: true })).toEqual([]);
    expect(validates(reply, { id: '1', err: problem(404) })).not.toEqual([]);
    const health = rpcOperation(healthPattern('assistants'));
    const up = { service: 'assistants', status: 'up', checks: { postgres: 'up', relay: 'up' }, installation: 'ab' };
    expect(validates(health.reply, { id: '2', response: up, isDisposed: true })).toEqual([]);
  });

  it("names this installation's prefix and stream when given", () => {
    const mine = asyncApiDocument(installation);
    const components: Json = mine.components;
    expect(components.parameters.prefix.default).toBe('platform_0123456789');
    expect(mine['x-platform-bus']).toMatchObject({ eventStream: 'PLATFORM_0123456789_DOMAIN_EVENTS' });
    expect((mine.info as Json).description).toContain('`PLATFORM_0123456789_DOMAIN_EVENTS`');
  });
});
