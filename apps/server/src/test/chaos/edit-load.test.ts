import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { achievedRates, driveEdits, phoneOf } from './edit-load.ts';

type Seen = { open: number; peak: number; sockets: Set<unknown>; phones: string[] };

/** An API stand-in that answers each PATCH after `delayMs` with the status `statusOf` picks. */
async function slowApi(delayMs: number, statusOf: (n: number) => number) {
  const seen: Seen = { open: 0, peak: 0, sockets: new Set(), phones: [] };
  let n = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.open += 1;
    seen.peak = Math.max(seen.peak, seen.open);
    seen.sockets.add(req.socket);
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.phones.push(/"phone":"(\d+)"/.exec(body)?.[1] ?? '');
      const status = statusOf(n++);
      setTimeout(() => {
        seen.open -= 1;
        res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":"x"}');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, seen, baseUrl: `http://127.0.0.1:${port}` };
}

let running: Server | null = null;
afterEach(async () => {
  running?.closeAllConnections();
  await new Promise((resolve) => running?.close(resolve) ?? resolve(undefined));
  running = null;
});

describe('the edit load', () => {
  it('keeps its schedule and its cap: edits due while the cap is full are dropped and counted', async () => {
    const api = await slowApi(400, () => 200);
    running = api.server;
    // 100/s for 1 s with answers taking 0.4 s needs ~40 open; the cap is 8.
    const tally = await driveEdits({
      baseUrl: api.baseUrl,
      token: 't',
      contactIds: ['a', 'b'],
      ratePerSecond: 100,
      seconds: 1,
      maxInFlight: 8,
    });
    expect(tally.due).toBe(100);
    expect(tally.sent + tally.dropped).toBe(100);
    expect(tally.dropped).toBeGreaterThan(50);
    expect(tally.ok).toBe(tally.sent);
    expect(tally.peakInFlight).toBe(8);
    expect(api.seen.peak).toBeLessThanOrEqual(8);
    // Keep-alive: the connections are reused, not one per request.
    expect(api.seen.sockets.size).toBeLessThanOrEqual(8);
    expect(api.seen.phones.length).toBe(tally.sent);
    expect(new Set(api.seen.phones).size).toBe(tally.sent);
    expect(achievedRates(tally).sentPerSecond).toBeLessThan(40);
  });

  it.each([
    { status: 503, field: 'unavailable' },
    { status: 500, field: 'serverErrors' },
    { status: 422, field: 'clientErrors' },
  ] as const)('counts a $status answer as $field', async ({ status, field }) => {
    const api = await slowApi(0, () => status);
    running = api.server;
    const tally = await driveEdits({
      baseUrl: api.baseUrl,
      token: 't',
      contactIds: ['a'],
      ratePerSecond: 50,
      seconds: 0.2,
    });
    expect(tally.dropped).toBe(0);
    expect(tally[field]).toBe(10);
    expect(tally.ok).toBe(0);
    expect(tally.serverErrorSamples.length).toBe(field === 'serverErrors' ? 5 : 0);
  });

  it('counts a request without an answer in time as unanswered', async () => {
    const api = await slowApi(1_000, () => 200);
    running = api.server;
    const tally = await driveEdits({
      baseUrl: api.baseUrl,
      token: 't',
      contactIds: ['a'],
      ratePerSecond: 20,
      seconds: 0.2,
      timeoutMs: 200,
    });
    expect(tally.noAnswer).toBe(4);
    expect(tally.ok).toBe(0);
  });

  it('writes a distinct phone number per edit', () => {
    expect(phoneOf(7)).toBe('0900000007');
    expect(phoneOf(12_345_678)).toBe('0912345678');
  });
});
