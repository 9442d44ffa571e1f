/**
 * An HTTP server on 127.0.0.1 that answers however a test says: a hostile or broken stand-in for
 * GitHub's API (FakeGithub answers as GitHub documents). It records each request's method, path
 * and Authorization header.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface HostileApi {
  url: string;
  requests: Array<{ method: string; path: string; authorization: string | undefined }>;
  close(): Promise<void>;
}

export async function hostileApi(answer: (req: IncomingMessage, res: ServerResponse, path: string) => void): Promise<HostileApi> {
  const requests: HostileApi['requests'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push({ method: req.method ?? 'GET', path, authorization: req.headers.authorization });
    req.resume();
    answer(req, res, path);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/**
 * Sends `prefix`, then `total` bytes of `fill` (one buffer, written again and again: the test
 * allocates nothing large), then `suffix`, as fast as the client reads. `written` counts what was
 * handed to the socket; `closed` is true once the client hung up.
 */
export function pumpBody(res: ServerResponse, prefix: string, fill: Buffer, total: number, suffix: string): { written(): number; closed(): boolean } {
  let written = 0;
  let closed = false;
  res.on('close', () => (closed = true));
  res.write(prefix);
  const pump = () => {
    while (written < total && !closed) {
      written += fill.length;
      if (!res.write(fill)) return void res.once('drain', pump);
    }
    if (!closed) res.end(suffix);
  };
  pump();
  return { written: () => written, closed: () => closed };
}

/** Sends `prefix`, then one space every `everyMs` until the client hangs up (an answer that never ends). */
export function trickle(res: ServerResponse, prefix: string, everyMs: number): void {
  res.write(prefix);
  const t = setInterval(() => res.write(' '), everyMs);
  res.on('close', () => clearInterval(t));
}
