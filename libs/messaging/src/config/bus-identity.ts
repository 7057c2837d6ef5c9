import { connectClient, readInstallationId } from '@platform/event-store';
import { derivedBusPrefix } from '@platform/contracts';
import { busPrefix } from './bus-config';

export interface BusIdentity {
  /** The installation this process belongs to (from its database). */
  installationId: string;
  /** The bus prefix it uses: BUS_PREFIX, else derived from the installation. */
  prefix: string;
}

/**
 * Finds the installation from the database (DATABASE_URL) and fixes the bus prefix for this process: BUS_PREFIX
 * when set, else one derived from the installation, so two installations on one NATS do not meet by default.
 * Call before anything uses the bus; later busPrefix() calls return the same prefix.
 */
export async function resolveBusIdentity(
  databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/platform',
): Promise<BusIdentity> {
  // With several hosts (a failover pair) this is the primary: both hold the same installation id.
  const client = await connectClient(databaseUrl, { application_name: 'bus-identity' });
  let installationId: string;
  try {
    installationId = await readInstallationId(client);
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!process.env.BUS_PREFIX) process.env.BUS_PREFIX = derivedBusPrefix(installationId);
  process.env.PLATFORM_INSTALLATION_ID = installationId;
  return { installationId, prefix: busPrefix() };
}

/** The installation resolved by resolveBusIdentity in this process, if it was. */
export const installationId = (): string | undefined => process.env.PLATFORM_INSTALLATION_ID;

/** Another installation answers on our bus prefix: starting would split both installations' traffic. */
export class BusClaimedError extends Error {
  override readonly name = 'BusClaimedError';
  constructor(
    readonly prefix: string,
    readonly other: string,
    readonly ours: string,
  ) {
    super(
      `Another installation (${other}) already uses bus prefix "${prefix}" on this NATS; this one is ${ours}. ` +
        'Give each installation a prefix of its own: set BUS_PREFIX, or unset it to derive one from the database.',
    );
  }
}
