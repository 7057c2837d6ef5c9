import { PROBLEM_TYPE_BASE } from '../problem';
import { BUS_LIMITS } from './bus-messages';

const size = (bytes: number) => (bytes % 1024 ** 2 === 0 ? `${bytes / 1024 ** 2} MiB` : `${bytes / 1024} KiB`);

/** The document's introduction (CommonMark): what the schemas cannot say. */
export function busDescription(prefix: string | undefined, stream: string): string {
  const thisPrefix = prefix ? ` This installation's prefix is \`${prefix}\`.` : '';
  return `The platform's services on NATS: their request/reply operations and the domain events they publish.
Every message is JSON (UTF-8).

## Subjects and the prefix

Every subject starts with the bus prefix of the installation (lower-case letters, digits, \`_\` and \`-\`): the
services' \`BUS_PREFIX\`, or when that is unset \`platform_\` followed by the first 10 hex digits of the
installation id (a SHA-256 of the PostgreSQL cluster's system identifier and the database name), so two
installations sharing a NATS server never meet.${thisPrefix}

## Request/reply

Send a NATS request (a message with a reply subject) to \`{prefix}.rpc.<pattern>\`. The payload is
\`{"pattern": "rpc.<pattern>", "data": {"meta": …, "body": {"params": …, "query": …, "body": …}}, "id": …}\`;
always send an \`id\`: without one the service still carries the request out but never answers. The reply,
on the request's reply subject, is \`{"id", "response"}\` or \`{"id", "err"}\`. Nobody serving the pattern
is NATS's "no responders" status. Choose a deadline: the gateway waits 5 s (its \`RPC_TIMEOUT_MS\`).

The input parts are checked with the same schemas as the REST API: a refused request answers a 400 problem
listing every offending field. Strings must not contain NUL or unpaired surrogates. \`meta\` is trusted as sent
(\`actorId\` becomes the owner of what is created): give only trusted clients permission to publish on
\`{prefix}.rpc.>\`.

## Errors

\`err\` is an RFC 9457 problem: \`type\` (\`${PROBLEM_TYPE_BASE}<slug>\`), \`title\`, \`status\` (an HTTP
status: 400 invalid input, 404, 409 conflict, 412 stale \`expectedVersion\`, 413 too large, 422, 500, 503),
optional \`detail\` and \`errors\` (\`[{field, message}]\`), and extension members where a status has more
to say (\`expectedRevision\`, \`actualRevision\`, \`limitBytes\`). The REST API answers the same document with
\`instance\` added.

## Domain events

Services publish every committed event to the JetStream stream \`${stream}\` (the prefix upper-cased, other
characters as \`_\`, then \`_DOMAIN_EVENTS\`), subjects \`{prefix}.events.>\`: each event on
\`{prefix}.events.<category>.<type>\`, where the category is the part of its \`streamId\` before the first \`-\`.
Events of one aggregate come in order of \`revision\`. Delivery is at least once: drop repeats by event id
(the \`Nats-Msg-Id\` header; JetStream itself drops a repeat within \`BUS_DUPLICATE_WINDOW_MS\`, by default
10 min). The stream keeps a window (by default \`EVENT_STREAM_MAX_AGE\` 7 days, \`EVENT_STREAM_MAX_BYTES\`
1 GiB), oldest first; the event store stays the source of truth. This document describes each type at its
current \`schemaVersion\`; an event published before a version change keeps its older version until it ages out.

## Sizes

A NATS message is at most the server's \`max_payload\` (${size(BUS_LIMITS.maxPayloadBytes)} by default). Keep a
request's input within ${size(BUS_LIMITS.requestBodyBytes)} of JSON, the gateway's default body limit. A list
reply stops at ${size(BUS_LIMITS.pageBytes)} of items whatever its \`limit\` (follow \`nextCursor\`). An event
is at most ${size(BUS_LIMITS.eventBytes)} of JSON: a change that would make a larger one is refused with 413, so
every envelope fits in a message.`;
}
