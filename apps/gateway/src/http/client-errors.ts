import { problem, type ProblemDetails } from '@platform/contracts';
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { sendProblem } from './problem.filter';

/** Longest path parameter the router takes (ids are 36 characters); longer ones are 414. */
export const MAX_PARAM_LENGTH = 100;

function connectionProblem(err: ConnectionError, requestTimeoutMs: number): ProblemDetails {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return problem(408, `The request was not received in full within ${requestTimeoutMs} ms`);
  }
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    return problem(431, `The request line and headers are larger than ${maxHeaderSize} bytes`);
  }
  return problem(400, 'The request is not valid HTTP/1.1', [{ field: '(request)', message: err.code ?? err.message }]);
}

/**
 * Answers for connections Node's HTTP parser gave up on (malformed, oversized, too slow). No request exists to
 * reply through, so the problem document is written to the socket, which is then closed.
 */
export function clientErrorHandler(requestTimeoutMs: number) {
  return (err: ConnectionError, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    // An answer already under way cannot be replaced: the same test Node's own handler makes.
    const answering = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (socket.writable && !answering) {
      // No request was parsed, so no path to name: the occurrence gets an id of its own (RFC 9457 `instance`).
      const p = { ...connectionProblem(err, requestTimeoutMs), instance: `urn:uuid:${randomUUID()}` };
      const body = JSON.stringify(p);
      socket.write(
        `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy();
  };
}

/** Fastify's routing failures, which bypass hooks and Nest alike: an overlong path parameter, an undecodable URL. */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('X-Request-Id', request.id);
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    sendProblem(reply, problem(414, `A path segment is longer than ${MAX_PARAM_LENGTH} characters`), request);
  } else if (err.code === 'FST_ERR_BAD_URL') {
    sendProblem(
      reply,
      problem(400, 'The URL does not decode', [{ field: '(url)', message: 'malformed escape' }]),
      request,
    );
  } else {
    const status = err.statusCode !== undefined && err.statusCode < 500 ? err.statusCode : 500;
    sendProblem(reply, problem(status, status < 500 ? err.message : 'An unexpected error occurred'), request);
  }
}
