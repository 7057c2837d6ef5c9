// Request/reply subjects of the access service (prefixed on the wire by the messaging lib).
export const AccessPatterns = {
  createKey: 'access.keys.create',
  listKeys: 'access.keys.list',
  getKey: 'access.keys.get',
  revokeKey: 'access.keys.revoke',
  /** The gateway's question for every request with an API key: whose is this bearer token? */
  authenticate: 'access.keys.authenticate',
  audit: 'access.audit.list',
} as const;

export const API_KEY_STREAM_CATEGORY = 'apikey';

/** API key secrets start with this, so secret scanners (and people) recognise one in a leak. */
export const API_KEY_PREFIX = 'pk_live_';
