import { parseHosts } from './primary-target';

describe('several hosts in a connection URL (libpq style)', () => {
  it('leaves a URL of one host to node-postgres', () => {
    expect(parseHosts('postgres://postgres@127.0.0.1:5432/platform')).toBeUndefined();
    expect(parseHosts('host=a dbname=b')).toBeUndefined();
  });

  it('lists the hosts, wants the primary by default and keeps the other parameters', () => {
    expect(parseHosts('postgres://app:secret@10.0.0.1:5432,db-b:6543,[::1]/platform?sslmode=disable')).toEqual({
      hosts: [
        { host: '10.0.0.1', port: 5432 },
        { host: 'db-b', port: 6543 },
        { host: '::1', port: 5432 },
      ],
      firstHostUrl: 'postgres://app:secret@10.0.0.1:5432/platform?sslmode=disable',
      needsPrimary: true,
    });
  });

  it('reads target_session_attrs as pg_auto_failover and libpq write it', () => {
    const url = 'postgresql://127.0.0.1:6001,127.0.0.1:6002/app?target_session_attrs=read-write&sslmode=prefer';
    expect(parseHosts(url)).toMatchObject({
      needsPrimary: true,
      firstHostUrl: 'postgresql://127.0.0.1:6001/app?sslmode=prefer',
    });
    expect(parseHosts('postgres://a,b/app?target_session_attrs=any')?.needsPrimary).toBe(false);
    expect(() => parseHosts('postgres://a,b/app?target_session_attrs=standby')).toThrow(/target_session_attrs/);
  });
});
