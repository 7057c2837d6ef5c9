// HTTP/1.1 over a bare TCP socket, for what fetch cannot send: broken request lines, oversized headers, bodies
// trickled byte by byte, and a second request on a connection whose first one is still waiting.
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Complete responses in `data` (each with a Content-Length, as the gateway sends them). */
export function parseResponses(data: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = data;
  for (;;) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd < 0) return responses;
    const [statusLine, ...lines] = rest.slice(0, headEnd).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    const bodyStart = headEnd + 4;
    if (Buffer.byteLength(rest.slice(bodyStart)) < length) return responses;
    const body = Buffer.from(rest.slice(bodyStart)).subarray(0, length).toString();
    responses.push({ status: Number(statusLine.split(' ')[1]), headers, body });
    rest = rest.slice(bodyStart + body.length);
  }
}

export class RawConnection {
  private data = '';
  private ended = false;
  readonly closed: Promise<void>;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (this.data += chunk));
    socket.on('error', () => undefined); // a reset shows up as `closed`, which is what the tests look at
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.ended = true;
        resolve();
      }),
    );
  }

  static open(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  get isClosed(): boolean {
    return this.ended;
  }

  write(chunk: string): void {
    if (!this.ended) this.socket.write(chunk);
  }

  responses(): RawResponse[] {
    return parseResponses(this.data);
  }

  /** Resolves once `count` responses arrived or the server closed the connection, whichever is first. */
  async waitFor(count: number, timeoutMs: number): Promise<RawResponse[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.responses().length < count && !this.ended && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.responses();
  }

  close(): void {
    this.socket.destroy();
  }
}

/** One request written as is; the answers that came back before the server closed or the deadline passed. */
export async function rawExchange(port: number, request: string, timeoutMs = 5000): Promise<RawResponse[]> {
  const connection = await RawConnection.open(port);
  connection.write(request);
  try {
    return await connection.waitFor(1, timeoutMs);
  } finally {
    connection.close();
  }
}
