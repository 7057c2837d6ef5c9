// An entity tag, weak or strong: W/"3" or "3" (RFC 9110 §8.8.3).
const ENTITY_TAG = /(?:W\/)?"([^"]*)"/g;

/**
 * Whether an If-None-Match header names the version the answer carries as its ETag ("3"): `*`, or any tag in the
 * list compared weakly, as RFC 9110 §13.1.2 has it for GET. A value that names no tag of that form matches
 * nothing, so the client just gets the full answer: ignoring a garbled precondition here costs only bandwidth.
 */
export function ifNoneMatchHits(header: string | undefined, version: number): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const wanted = String(version);
  for (const [, opaque] of header.matchAll(ENTITY_TAG)) if (opaque === wanted) return true;
  return false;
}
