import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface Recorded {
  method: string;
  url: string;
  /** The request body, gunzipped when npm sent it gzip-encoded. */
  body: string;
  gzip: boolean;
}

export interface LoopbackServer {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

/** A JSON answer, or bytes (a tarball) sent as they are with their own content type. */
export type Handler = (req: Recorded) => { status: number; body: unknown; contentType?: string } | undefined;

/** An HTTP server on 127.0.0.1 that records every request and answers through `handler` (404 otherwise). */
export async function startLoopbackServer(handler: Handler): Promise<LoopbackServer> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const gzip = req.headers['content-encoding'] === 'gzip';
      const raw = Buffer.concat(chunks);
      const recorded = { method: req.method ?? '', url: req.url ?? '', body: (gzip ? gunzipSync(raw) : raw).toString('utf8'), gzip };
      requests.push(recorded);
      const answer = handler(recorded) ?? { status: 404, body: { error: 'Not found' } };
      res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' });
      // wfo-gate-ignore: js-response-request-data a loopback test registry answering npm with JSON
      res.end(typeof answer.body === 'string' || Buffer.isBuffer(answer.body) ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
