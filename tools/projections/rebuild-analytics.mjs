// `npm run rebuild -- analytics`: replays the event store of every registered service into fresh analytics
// tables and swaps them in without stopping the service, with a progress bar (events, events/s, ETA).
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export async function rebuildWithProgress({ root, models, databaseUrl }) {
  const { SingleBar, Presets } = require('cli-progress');
  const { PLATFORM_SERVICES } = require(join(root, 'dist', 'libs', 'contracts', 'src', 'index.js'));
  const sources = PLATFORM_SERVICES.map((s) => s.schema).filter((s) => s !== models.schema);
  const bar = new SingleBar(
    {
      format: 'analytics rebuild |{bar}| {percentage}% {value}/{total} events | {rate} events/s | ETA {eta_formatted}',
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  let started = false;
  const result = await models.rebuildAnalytics({
    databaseUrl,
    schema: models.schema,
    sources,
    onProgress: ({ done, total, eventsPerSecond }) => {
      if (!started) {
        bar.start(total, 0, { rate: 0 });
        started = true;
      }
      bar.update(done, { rate: eventsPerSecond });
    },
  });
  if (started) bar.stop();
  console.log(
    `analytics: replayed ${result.events} events from ${sources.join(', ')} in ${result.ms} ms ` +
      `(${result.eventsPerSecond} events/s); the rebuilt tables are live`,
  );
}
