// Prompts through the whole platform (gateway → NATS → assistants service → PostgreSQL), as separate processes:
//   compose:  POST /api/v1/assistants/{id}/system-prompt for an assistant with 1 primary, 5 secondary and
//             2 fallback prompts (persona section, Handlebars rendering, conditions, tiktoken counts);
//   suggest:  GET /api/v1/assistants/{id}/prompts/suggestions?limit=10 with 10,000 prompts stored.
// The 10,000 prompts are seeded through the event store with the service's own decider and projections (the
// same events and read models the HTTP API would produce, much faster than 10,000 POSTs).
import { randomUUID } from 'node:crypto';
import { dist, durationS, warmupS } from '../lib/env.mjs';
import { runScenario } from '../lib/load.mjs';
import { startBenchPlatform } from '../lib/platform.mjs';

const PROMPTS = Number(process.env.BENCH_PROMPTS || 10_000);
const CONNECTIONS = [1, 4, 8];
const SCENARIOS = [
  { key: 'compose', label: 'POST /assistants/{id}/system-prompt (1 primary, 5 secondary, 2 fallback)', maxP99: 10 },
  { key: 'suggest', label: `GET /assistants/{id}/prompts/suggestions over ${PROMPTS} prompts`, maxP99: 50 },
];

// A small vocabulary so tags and words overlap the way real catalogues do.
const TAGS = Array.from({ length: 200 }, (_, i) => `tag${i}`);
const WORDS = Array.from({ length: 2000 }, (_, i) => `word${i}`);
const pick = (list, n, seed) => Array.from({ length: n }, (_, k) => list[(seed * 7919 + k * 104729) % list.length]);

export const promptsBenchmark = {
  name: 'prompts',
  title: 'Prompts: system prompt composition and suggestions (gateway + assistants service as processes)',
  async run({ log }) {
    const { db, platform, headers } = await startBenchPlatform('prompts');
    const api = async (method, path, body, status = 200) => {
      const res = await fetch(platform.baseUrl + path, { method, headers, body: body && JSON.stringify(body) });
      const json = await res.json();
      if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`);
      return json;
    };

    const started = Date.now();
    await seedPrompts(db.url);
    log(`seeded ${PROMPTS} prompts through the event store in ${Math.round((Date.now() - started) / 1000)} s`);

    const assistant = await api(
      'POST',
      '/api/v1/assistants',
      {
        name: 'Bench Composer',
        type: 'support',
        tags: pick(TAGS, 3, 1),
        specialty: `${WORDS[10]} ${WORDS[20]}`,
        configuration: { model: 'gpt-4o' },
        persona: {
          personality: 'Calm and exact',
          tone: 'friendly',
          traits: [{ name: 'patience', category: 'personality', value: 90, weight: 8 }],
          responseStyle: { type: 'technical', formality: 7, verbosity: 4 },
          knowledgeDomains: [
            { name: 'Billing', expertiseLevel: 8, topics: [WORDS[30]], keywords: [WORDS[40], WORDS[50]] },
          ],
          behaviorRules: [
            { condition: 'asked for refunds', action: 'explain the policy', priority: 80, mandatory: true },
          ],
        },
      },
      201,
    );
    const roles = ['primary', ...Array(5).fill('secondary'), 'fallback', 'fallback'];
    for (const [i, role] of roles.entries()) {
      const prompt = await api(
        'POST',
        '/api/v1/prompts',
        {
          name: `Composed ${i}`,
          template: `Part ${i} for {{user}} in {{locale}}: ${pick(WORDS, 40, i).join(' ')}.`,
          variables: [{ name: 'locale', required: false, default: 'en' }],
        },
        201,
      );
      const conditions = role === 'secondary' && i % 2 === 0 ? [{ variable: 'tier', operator: 'gt', value: 1 }] : [];
      await api(
        'POST',
        `/api/v1/assistants/${assistant.id}/prompts`,
        { promptId: prompt.id, role, priority: 10 * i, conditions },
        201,
      );
    }
    const composed = await api('POST', `/api/v1/assistants/${assistant.id}/system-prompt`, {
      variables: { user: 'Ada', tier: 3 },
    });
    const suggestions = await api('GET', `/api/v1/assistants/${assistant.id}/prompts/suggestions?limit=10`);
    log(
      `system prompt: ${composed.tokenCount} tokens in ${composed.parts.length} parts; top suggestion score ${suggestions.data[0]?.score}`,
    );

    const requests = {
      compose: [
        {
          method: 'POST',
          path: `/api/v1/assistants/${assistant.id}/system-prompt`,
          body: JSON.stringify({ variables: { user: 'Ada', tier: 3 } }),
        },
      ],
      suggest: [{ method: 'GET', path: `/api/v1/assistants/${assistant.id}/prompts/suggestions?limit=10` }],
    };
    const measuredS = Math.max(1, Math.round(durationS()));
    const warm = Math.round(warmupS(measuredS));
    const rows = [];
    const details = { prompts: PROMPTS, tokenCount: composed.tokenCount, parts: composed.parts.length, trials: [] };
    for (const scenario of SCENARIOS) {
      const result = await runScenario({
        platform,
        headers,
        scenario,
        requests: requests[scenario.key],
        connectionCounts: CONNECTIONS,
        measuredS,
        warmS: warm,
        log,
      });
      rows.push(...result.rows);
      details.trials.push(result.details);
    }
    return { rows, details };
  },
};

/** Appends PromptCreated events in batches through the store, with the service's inline projections. */
async function seedPrompts(databaseUrl) {
  const { PostgresEventStore } = dist('libs/event-store/src/index.js');
  const { decidePrompt, initialPromptState } = dist('libs/assistants-domain/src/index.js');
  const models = dist('apps/assistants/src/read-models.js');
  const store = await PostgresEventStore.connect({
    connectionString: databaseUrl,
    schema: models.schema,
    inlineProjections: models.inlineProjections,
    poolSize: 4,
  });
  const now = new Date().toISOString();
  const metadata = { correlationId: 'bench-seed', causationId: null, actorId: 'bench', occurredAt: now };
  try {
    for (let start = 0; start < PROMPTS; start += 250) {
      await store.transaction(async (tx) => {
        for (let i = start; i < Math.min(PROMPTS, start + 250); i++) {
          const promptId = randomUUID();
          const events = decidePrompt(
            {
              type: 'CreatePrompt',
              promptId,
              now,
              actorId: 'bench',
              data: {
                name: `Seeded prompt ${i}`,
                description: pick(WORDS, 8, i + 7).join(' '),
                tags: pick(TAGS, 3, i),
                template: `${pick(WORDS, 60, i).join(' ')} {{user}}`,
                variables: [],
              },
            },
            initialPromptState,
          );
          await tx.append(
            `prompt-${promptId}`,
            events.map((e) => ({ type: e.type, data: e.data, metadata })),
            { expectedRevision: 'no_stream' },
          );
        }
      });
    }
  } finally {
    await store.close();
  }
}
