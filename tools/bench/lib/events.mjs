// Events shaped like the platform's own (a few hundred bytes of data, full metadata).
import { require } from './env.mjs';

const { v7: uuidv7 } = require('uuid');

const DESCRIPTION = 'Answers questions about orders, returns and delivery times in a friendly, concise tone.';

export function benchEvent(type, n, id = uuidv7()) {
  return {
    id,
    type,
    data: { n, name: `Bench assistant ${n}`, description: DESCRIPTION, tags: ['bench', 'support'], temperature: 0.7 },
    metadata: { correlationId: uuidv7(), causationId: null, actorId: 'bench', occurredAt: new Date().toISOString() },
  };
}

export const benchStreamId = (category = 'benchassistant') => `${category}-${uuidv7()}`;
