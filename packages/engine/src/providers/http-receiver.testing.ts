import { createServer, type IncomingHttpHeaders } from 'node:http';

export type ReceivedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };
export type Reply = { status: number; body?: unknown; delayMs?: number };

/**
 * A real HTTP server on 127.0.0.1 standing in for a gateway or a webhook receiver: it keeps
 * every request and answers with what `reply` decides for it.
 */
export async function startHttpReceiver(reply: (request: ReceivedRequest) => Reply) {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const answer = reply(request);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The HTTP server has no TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
