import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * How the proxy treats each request (CORS preflights always pass, so the browser sees the fault
 * itself, not a CORS failure):
 * - `pass`: forwarded as it is;
 * - `error`: answered 500 with an HTML page, as a proxy in front of a sick CouchDB answers;
 * - `hang`: the connection is accepted and never answered;
 * - `cut`: forwarded, and the answer closed half-way through its body.
 */
export type Fault = 'pass' | 'error' | 'hang' | 'cut';

/**
 * A proxy on loopback in front of the test's sync server, to put the faults of a real network
 * between Rapport and the team's CouchDB. Counts the requests it spoiled.
 */
export async function startFaultProxy(target: string) {
  let fault: Fault = 'pass';
  let spoiled = 0;
  const sockets = new Set<Socket>();
  const hung = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const cors = {
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'Access-Control-Allow-Credentials': 'true',
    };
    if (req.method === 'OPTIONS' || fault === 'pass') return forward(req, res);
    spoiled++;
    if (fault === 'error') {
      res.writeHead(500, { ...cors, 'Content-Type': 'text/html' });
      res.end('<html><body><h1>500 Internal Server Error</h1></body></html>');
    } else if (fault === 'hang') {
      hung.add(res);
    } else {
      forward(req, res, (body) => body.subarray(0, Math.max(1, Math.floor(body.length / 2))));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  /** Forwards a request; with `cut`, sends only part of the answer's body and closes the connection. */
  function forward(req: http.IncomingMessage, res: http.ServerResponse, cut?: (body: Buffer) => Buffer) {
    const upstream = http.request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          const headers = { ...answer.headers };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': String(body.length) });
          if (!cut) return res.end(body);
          res.write(cut(body));
          res.socket?.destroy();
        });
      },
    );
    upstream.on('error', () => res.socket?.destroy());
    req.pipe(upstream);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set(next: Fault) {
      fault = next;
      for (const res of hung) res.socket?.destroy();
      hung.clear();
    },
    get spoiled() {
      return spoiled;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
