import { createServer, type Server } from 'node:http';

/**
 * /health and /ready over plain HTTP on HEALTH_PORT, for orchestrators' probes of a service that otherwise
 * speaks only NATS. `ready` decides whether the service can do its work right now.
 */
export function startHealthServer(port: number, ready: () => Promise<Record<string, string>>): Server {
  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.url === '/health') return send(200, { status: 'ok' });
    if (req.url !== '/ready') return send(404, { status: 404, title: 'Not found' });
    const checks = await ready();
    const down = Object.keys(checks).filter((k) => checks[k] !== 'up');
    send(down.length ? 503 : 200, {
      status: down.length ? 'unavailable' : 'ready',
      checks,
      ...(down.length ? { down } : {}),
    });
  });
  return server.listen(port);
}
