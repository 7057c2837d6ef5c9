/* eslint-disable @typescript-eslint/no-explicit-any */
import { startIsolatedPlatform, waitFor, type IsolatedPlatform } from '@platform/testing';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { randomUUID } from 'node:crypto';
import { connect, JSONCodec, type NatsConnection } from 'nats';

// Plays another team's service: it knows the platform only by the AsyncAPI document the gateway serves, and
// reaches it with a plain NATS client. Subjects, stream and schemas all come from the document.
const codec = JSONCodec<any>();

describe('the AsyncAPI document of the bus', () => {
  let platform: IsolatedPlatform;
  let nc: NatsConnection;
  let doc: any;
  let ajv: Ajv;
  let created: { id: string; correlationId: string } | undefined;

  beforeAll(async () => {
    platform = await startIsolatedPlatform('e2e_asyncapi');
    nc = await connect({ servers: platform.natsUrl, name: 'asyncapi-e2e' });
    doc = await (await fetch(`${platform.baseUrl}/api/docs/asyncapi.json`)).json();
    // The document's own keys (asyncapi, channels, …) are not JSON Schema keywords: strict mode would refuse them.
    // Its schemas are AsyncAPI 3.0 Schema Objects, that is JSON Schema draft-07: Ajv's default dialect.
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, 'asyncapi.json');
  });
  afterAll(async () => {
    await nc?.close();
    await platform?.dispose();
  });

  /** A local `$ref` followed (repeatedly): the object it leads to and its JSON pointer. */
  const follow = (node: any, at = ''): { node: any; at: string } => {
    if (!node.$ref) return { node, at };
    const pointer = node.$ref.slice(1);
    const keys = pointer
      .split('/')
      .slice(1)
      .map((k: string) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    return follow(
      keys.reduce((n: any, k: string) => n[k], doc),
      pointer,
    );
  };
  /** The errors of `value` against the schema at `pointer` of the document (none: it is valid). */
  const errors = (pointer: string, value: unknown): string[] => {
    const validate = ajv.getSchema(`asyncapi.json#${pointer}`)!;
    return validate(value) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`);
  };
  const prefix = () => doc.components.parameters.prefix.default as string;
  const subjectOf = (channel: any) => String(channel.address).replace('{prefix}', prefix());
  const operationOn = (address: string) => {
    const operation = Object.values<any>(doc.operations).find((o) => follow(o.channel).node.address === address);
    if (!operation) throw new Error(`The document has no operation on ${address}`);
    return operation;
  };

  it('is served without a token, and Swagger UI and the OpenAPI document beside it still are', async () => {
    const res = await fetch(`${platform.baseUrl}/api/docs/asyncapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(doc.asyncapi).toBe('3.0.0');
    expect(prefix()).toBe(platform.busPrefix);
    const page = await fetch(`${platform.baseUrl}/api/docs`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/html')]);
    const openApi = await fetch(`${platform.baseUrl}/api/docs-json`);
    expect(openApi.status).toBe(200);
    expect(((await openApi.json()) as any).paths['/api/v1/assistants']).toBeDefined();
    expect((await fetch(`${platform.baseUrl}/api/docs/swagger-ui.css`)).status).toBe(200);
  });

  it('is enough to call an operation over NATS: the request and its replies match its schemas', async () => {
    const operation = operationOn('{prefix}.rpc.assistants.create');
    const channel = follow(operation.channel).node;
    const request = follow(operation.messages[0]);
    const replies = operation.reply.messages.map((m: any) => follow(m));
    const send = async (body: unknown) => {
      const meta = { actorId: 'team-x', correlationId: `corr-${randomUUID()}`, requestId: randomUUID() };
      const packet = {
        pattern: request.node.payload.properties.pattern.const,
        data: { meta, body: { body } },
        id: randomUUID(),
      };
      const msg = await nc.request(subjectOf(channel), codec.encode(packet), { timeout: 5000 });
      const reply = codec.decode(msg.data);
      expect(reply.id).toBe(packet.id);
      // Exactly one of the operation's reply messages describes what came back.
      const matching = replies.filter((r: any) => errors(`${r.at}/payload`, reply).length === 0);
      expect(matching).toHaveLength(1);
      return { packet, reply, message: matching[0].node.name as string };
    };

    const { packet, reply, message } = await send({ name: 'Bus Caller', tags: ['bus'] });
    expect(errors(`${request.at}/payload`, packet)).toEqual([]);
    expect(message).toBe('assistants.create.reply');
    expect(reply.response).toMatchObject({ name: 'Bus Caller', ownerId: 'team-x', status: 'draft', version: 1 });
    created = { id: reply.response.id, correlationId: packet.data.meta.correlationId };

    // A request the schema refuses is refused by the service too, with the document's error reply.
    const refused = await send({ tags: ['bus'] });
    expect(errors(`${request.at}/payload`, refused.packet)).not.toEqual([]);
    expect(refused.message).toBe('RpcError');
    expect(refused.reply.err).toMatchObject({ status: 400, errors: [{ field: 'name' }] });
  });

  it("is enough to read the assistant's AssistantCreated event from the stream it names", async () => {
    if (!created) throw new Error('needs the assistant the previous test created over the bus');
    const operation = Object.values<any>(doc.operations).find(
      (o) => o.action === 'send' && follow(o.messages[0]).node.name === 'AssistantCreated',
    );
    const message = follow(operation.messages[0]);
    const subject = subjectOf(follow(operation.channel).node);
    const stream = doc['x-platform-bus'].eventStream;
    const jsm = await nc.jetstreamManager();
    const stored = await waitFor(async () => {
      const msg = await jsm.streams.getMessage(stream, { last_by_subj: subject });
      return msg.json<any>().data.assistantId === created!.id && msg;
    }, `AssistantCreated of ${created.id} on ${subject} in ${stream}`);

    const event = stored.json<any>();
    expect(errors(`${message.at}/payload`, event)).toEqual([]);
    const headers = Object.fromEntries(stored.header.keys().map((k) => [k, stored.header.get(k)]));
    expect(errors(`${message.at}/headers`, headers)).toEqual([]);
    expect(headers['Nats-Msg-Id']).toBe(event.id);
    expect(event).toMatchObject({ type: 'AssistantCreated', data: { name: 'Bus Caller', ownerId: 'team-x' } });
    expect(event.metadata).toMatchObject({ correlationId: created.correlationId, actorId: 'team-x' });
  });
});
