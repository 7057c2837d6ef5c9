import { Client, type ClientConfig, type Pool, type PoolConfig } from 'pg';

// node-postgres connects to one host. A highly available PostgreSQL (pg_auto_failover's formation URI, a
// CloudNativePG cluster seen from outside) is named libpq-style, by several hosts of which one is the primary:
//   postgres://user@node-a:5432,node-b:5433/db?target_session_attrs=read-write
// The pool is pointed at the primary found among them, and looks again when a connection fails or lands on a
// standby, so a failover is a pause and not an outage.

export interface HostPort {
  host: string;
  port: number;
}

export interface ParsedHosts {
  hosts: HostPort[];
  /** The same URL naming only the first host (what node-postgres can parse), without target_session_attrs. */
  firstHostUrl: string;
  /** `read-write`/`primary` (the default with several hosts): connect only where writes are accepted. */
  needsPrimary: boolean;
}

const URL_SHAPE = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)(.*)$/;

/** The hosts of a connection URL; undefined for a URL of one host (or a keyword/value string). */
export function parseHosts(connectionString: string): ParsedHosts | undefined {
  const m = URL_SHAPE.exec(connectionString);
  if (!m || !m[3].includes(',')) return undefined;
  const [, scheme, auth = '', hostList, rest] = m;
  const hosts = hostList.split(',').map((item) => {
    const hp = /^(\[[^\]]+\]|[^:]*)(?::(\d+))?$/.exec(item);
    if (!hp || !hp[1]) throw new Error(`Invalid host "${item}" in the connection string`);
    return { host: hp[1].replace(/^\[|\]$/g, ''), port: Number(hp[2] ?? 5432) };
  });
  const [path, query = ''] = rest.split('?');
  const params = new URLSearchParams(query);
  const attrs = params.get('target_session_attrs') ?? 'read-write';
  if (!['any', 'read-write', 'primary'].includes(attrs)) {
    throw new Error(`Unsupported target_session_attrs "${attrs}": use read-write, primary or any`);
  }
  params.delete('target_session_attrs');
  const first = hosts[0].host.includes(':') ? `[${hosts[0].host}]` : hosts[0].host;
  const search = params.toString();
  return {
    hosts,
    firstHostUrl: `${scheme}${auth}${first}:${hosts[0].port}${path}${search ? `?${search}` : ''}`,
    needsPrimary: attrs !== 'any',
  };
}

/** Client settings of a URL without the URL: host and port can then be changed, which a connectionString forbids. */
function explicitConfig(url: string): ClientConfig {
  const p = (new Client({ connectionString: url }) as unknown as { connectionParameters: Record<string, unknown> })
    .connectionParameters;
  const keys = ['user', 'password', 'database', 'host', 'port', 'ssl', 'options', 'application_name'];
  return Object.fromEntries(keys.filter((k) => p[k] !== undefined && p[k] !== null).map((k) => [k, p[k]]));
}

const PROBE_TIMEOUT_MS = 2000;
// libpq's read-write test: a standby is in recovery, and a just-promoted node may still refuse writes
// (pg_auto_failover keeps it read-only until the old primary's demotion timeout has passed).
const READ_ONLY_QUERY = "SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on' AS standby";
const PROBE_INTERVAL_MS = 250;

/** Which of several hosts takes writes now; the pool's options follow it. */
export class PrimaryTarget {
  private current: HostPort;
  private searching?: Promise<HostPort>;
  private readonly pools = new Set<Pool>();
  private closed = false;

  constructor(
    private readonly parsed: ParsedHosts,
    private readonly base: ClientConfig,
  ) {
    this.current = parsed.hosts[0];
  }

  static fromUrl(connectionString: string): PrimaryTarget | undefined {
    const parsed = parseHosts(connectionString);
    return parsed && new PrimaryTarget(parsed, explicitConfig(parsed.firstHostUrl));
  }

  get primary(): HostPort {
    return this.current;
  }

  /** Settings of a client connecting to the current primary. */
  clientConfig(extra: ClientConfig = {}): ClientConfig {
    return { ...this.base, ...extra, ...this.current };
  }

  /** Pool settings that follow the primary: failed or standby connections make the target look again. */
  poolConfig(extra: PoolConfig = {}): PoolConfig {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const target = this;
    class TargetClient extends Client {
      // Both forms of pg's connect(): pg-pool passes a callback, others await the promise.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      override connect(callback?: any): any {
        if (!callback) return super.connect().catch((err: Error) => (target.suspect(), Promise.reject(err)));
        super.connect((err: Error | null) => {
          if (err) target.suspect();
          callback(err);
        });
      }
    }
    const verify = (client: Client, done: (err?: Error) => void) => {
      if (!this.parsed.needsPrimary) return done();
      client.query<{ standby: boolean }>(READ_ONLY_QUERY).then(({ rows }) => {
        if (!rows[0]?.standby) return done();
        this.suspect();
        done(new Error('connected to a standby, not the primary'));
      }, done);
    };
    return { ...this.clientConfig(extra), Client: TargetClient, verify } as unknown as PoolConfig;
  }

  /** The pool's options (read by every new client, the relay's own connection included) track the primary. */
  follow(pool: Pool): void {
    this.pools.add(pool);
    Object.assign(pool.options, this.current);
    pool.on('error', () => this.suspect());
  }

  /** Finds the primary (waiting until there is one) before the first connection. */
  async resolve(deadlineMs = 60_000): Promise<HostPort> {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const found = await this.probeAll();
      if (found) return this.moveTo(found);
      if (Date.now() > deadline || this.closed) {
        const list = this.parsed.hosts.map((h) => `${h.host}:${h.port}`).join(', ');
        throw new Error(`No primary among ${list}`);
      }
      await new Promise((r) => setTimeout(r, PROBE_INTERVAL_MS));
    }
  }

  /** A connection failed or reached a standby: look for the primary in the background until one answers. */
  suspect(): void {
    if (this.searching || this.closed) return;
    this.searching = this.resolve(Number.MAX_SAFE_INTEGER)
      .catch(() => this.current)
      .finally(() => (this.searching = undefined));
  }

  close(): void {
    this.closed = true;
  }

  private moveTo(found: HostPort): HostPort {
    this.current = found;
    for (const pool of this.pools) Object.assign(pool.options, found);
    return found;
  }

  private async probeAll(): Promise<HostPort | undefined> {
    const answers = await Promise.all(this.parsed.hosts.map((h) => this.probe(h)));
    return this.parsed.hosts.find((_, i) => answers[i]);
  }

  /** True when `host` accepts connections and (when asked for) is no standby. */
  private async probe(host: HostPort): Promise<boolean> {
    const client = new Client({ ...this.base, ...host, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
    client.on('error', () => undefined);
    try {
      await client.connect();
      if (!this.parsed.needsPrimary) return true;
      const { rows } = await client.query<{ standby: boolean }>(READ_ONLY_QUERY);
      return rows[0]?.standby === false;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** A connected client to the database the URL names; with several hosts, to their primary. */
export async function connectClient(connectionString: string, extra: ClientConfig = {}): Promise<Client> {
  const target = PrimaryTarget.fromUrl(connectionString);
  if (target) await target.resolve();
  const client = new Client(target ? target.clientConfig(extra) : { connectionString, ...extra });
  await client.connect();
  return client;
}
