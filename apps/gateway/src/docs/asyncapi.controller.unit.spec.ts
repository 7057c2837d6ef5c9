import { PLATFORM_SERVICES, healthPattern } from '@platform/contracts';
import { DEFAULT_MAX_EVENT_BYTES } from '@platform/event-store';
import { eventStreamName, eventSubject, rpcSubject } from '@platform/messaging';
import { MAX_PAGE_BYTES } from '@platform/service-kit';
import { randomBytes } from 'node:crypto';
import { ROUTES } from '../app.module';
import { loadConfig } from '../config';
import { asyncApiController } from './asyncapi.controller';

type Channel = { address: string | null };
type Served = {
  channels: Record<string, Channel>;
  operations: Record<string, { description?: string }>;
  components: { parameters: { prefix: { default?: string } } };
  'x-platform-bus': { eventStream: string; limits: Record<string, number> };
};

// The document states the bus's rules in words and subjects; the code that applies them lives in messaging, the
// event store, the service kit and the gateway's config. This keeps the two saying the same.
describe('the AsyncAPI document the gateway serves', () => {
  const saved = { ...process.env };
  let doc: Served;
  const prefix = 'platform_0123456789';

  beforeAll(() => {
    process.env.BUS_PREFIX = prefix;
    const Controller = asyncApiController(ROUTES);
    doc = (new Controller() as { asyncApi(): unknown }).asyncApi() as Served;
  });
  afterAll(() => {
    process.env = saved;
  });

  const address = (channel: Channel) => channel.address?.replace('{prefix}', prefix);

  it("names this installation's prefix and event stream", () => {
    expect(doc.components.parameters.prefix.default).toBe(prefix);
    expect(doc['x-platform-bus'].eventStream).toBe(eventStreamName(prefix));
  });

  it('gives every operation the subject the RPC client sends it on', () => {
    const patterns = [
      ...ROUTES.map((r) => r.operation.pattern),
      ...PLATFORM_SERVICES.map((s) => healthPattern(s.name)),
    ];
    for (const pattern of patterns) {
      expect(address(doc.channels[`rpc.${pattern}`])).toBe(rpcSubject(pattern, prefix));
    }
  });

  it('gives every event the subject the relay publishes it on', () => {
    const events = Object.entries(doc.channels).filter(([id]) => id.startsWith('events.'));
    expect(events.length).toBeGreaterThan(0);
    for (const [id, channel] of events) {
      const [, category, type] = id.split('.');
      expect(address(channel)).toBe(eventSubject(category, type, prefix));
    }
  });

  it('names the REST route behind each operation', () => {
    expect(doc.operations['rpc.assistants.create'].description).toBe(
      'Behind `POST /api/v1/assistants` of the REST API.',
    );
    expect(doc.operations['rpc.assistants.get'].description).toBe(
      'Behind `GET /api/v1/assistants/{id}` of the REST API.',
    );
  });

  it('states the size limits the code enforces', () => {
    process.env.ADMIN_TOKEN = randomBytes(32).toString('base64url');
    delete process.env.BODY_LIMIT_BYTES;
    expect(doc['x-platform-bus'].limits).toMatchObject({
      requestBodyBytes: loadConfig().bodyLimitBytes,
      pageBytes: MAX_PAGE_BYTES,
      eventBytes: DEFAULT_MAX_EVENT_BYTES,
    });
  });
});
