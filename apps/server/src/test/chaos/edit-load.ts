import { Agent, request } from 'node:http';
import { sleep } from '../processes.ts';

/** How the API answered the edits, counted by the client. */
export type EditTally = {
  /** Edits the schedule called for: `rate × seconds`. */
  due: number;
  /** Requests that went out. */
  sent: number;
  /**
   * Edits whose time came while `maxInFlight` requests were already open: not sent, counted
   * here instead of queueing behind the others (the API is not keeping up, or this client is not).
   */
  dropped: number;
  ok: number;
  /** 503 `database_unavailable`: refused while the database was away, nothing committed. */
  unavailable: number;
  /** Other 4xx answers. */
  clientErrors: number;
  /** 5xx other than 503: each one a failure. */
  serverErrors: number;
  /** No answer at all: connection refused or reset, or no reply within the client's time-out. */
  noAnswer: number;
  /** Codes of the 5xx answers other than 503, with a body each, for the report. */
  serverErrorSamples: string[];
  /** How far behind its schedule an edit went out (or was dropped), at worst (ms). */
  maxLagMs: number;
  /** Most requests open at once; never above `maxInFlight`. */
  peakInFlight: number;
  /** From the first edit's time to the last answer (ms). */
  elapsedMs: number;
};

/** Edits sent and answered 200 per second of the load, for the report. */
export function achievedRates(tally: EditTally): { sentPerSecond: number; okPerSecond: number } {
  const seconds = Math.max(tally.elapsedMs, 1) / 1000;
  return { sentPerSecond: tally.sent / seconds, okPerSecond: tally.ok / seconds };
}

/**
 * The phone number an edit writes: unique per edit, so every edit is a change and every message
 * a workflow renders from it says which edit it came from.
 */
export const phoneOf = (seq: number) => `09${String(seq).padStart(8, '0')}`;

type Answer = { status: number; body: string } | null;

/** One PATCH over the shared keep-alive agent; `null` when no answer came (refused, reset, time-out). */
function patch(url: URL, agent: Agent, headers: Record<string, string>, body: string, timeoutMs: number) {
  return new Promise<Answer>((resolve) => {
    const req = request(
      url,
      { method: 'PATCH', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        // Read every body so its connection goes back to the agent.
        res.on('data', (chunk: string) => {
          if (text.length < 300) text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text.slice(0, 300) }));
        res.on('error', () => resolve(null));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('time-out')));
    req.on('error', () => resolve(null));
    req.end(body);
  });
}

/**
 * Edits contacts through single `PATCH /api/records/contact/:id` requests at a fixed rate for a
 * fixed time, whatever the answers: an open loop, requests go out on schedule even while earlier
 * ones wait, over at most `maxInFlight` keep-alive connections. An edit due while that many are
 * open is dropped and counted, so a slow API (or a slow machine) shows as drops, not as a flood
 * of connections and a schedule minutes late. Each edit writes a new phone number to the next
 * contact in turn.
 */
export async function driveEdits(args: {
  baseUrl: string;
  token: string;
  contactIds: readonly string[];
  ratePerSecond: number;
  seconds: number;
  /** Requests open at once, at most (default 64). */
  maxInFlight?: number;
  /** Per request; a request without an answer by then counts as `noAnswer`. */
  timeoutMs?: number;
}): Promise<EditTally> {
  const total = Math.round(args.ratePerSecond * args.seconds);
  const tally: EditTally = {
    due: total,
    sent: 0,
    dropped: 0,
    ok: 0,
    unavailable: 0,
    clientErrors: 0,
    serverErrors: 0,
    noAnswer: 0,
    serverErrorSamples: [],
    maxLagMs: 0,
    peakInFlight: 0,
    elapsedMs: 0,
  };
  const maxInFlight = args.maxInFlight ?? 64;
  const timeoutMs = args.timeoutMs ?? 10_000;
  const agent = new Agent({ keepAlive: true, maxSockets: maxInFlight, maxFreeSockets: maxInFlight });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${args.token}` };
  const pending = new Set<Promise<void>>();
  const edit = async (seq: number) => {
    const id = args.contactIds[seq % args.contactIds.length];
    const body = JSON.stringify({ data: { phone: phoneOf(seq) } });
    const res = await patch(
      new URL(`/api/records/contact/${id}`, args.baseUrl),
      agent,
      headers,
      body,
      timeoutMs,
    );
    if (!res) tally.noAnswer += 1;
    else if (res.status === 200) tally.ok += 1;
    else if (res.status === 503) tally.unavailable += 1;
    else if (res.status >= 500) {
      tally.serverErrors += 1;
      if (tally.serverErrorSamples.length < 5) tally.serverErrorSamples.push(`${res.status} ${res.body}`);
    } else tally.clientErrors += 1;
  };
  const start = performance.now();
  let seq = 0;
  try {
    while (seq < total) {
      const now = performance.now() - start;
      const due = Math.min(total, Math.floor((now / 1000) * args.ratePerSecond) + 1);
      if (seq < due) tally.maxLagMs = Math.max(tally.maxLagMs, now - (seq / args.ratePerSecond) * 1000);
      for (; seq < due; seq += 1) {
        if (pending.size >= maxInFlight) {
          tally.dropped += 1;
          continue;
        }
        tally.sent += 1;
        const request = edit(seq).finally(() => pending.delete(request));
        pending.add(request);
        tally.peakInFlight = Math.max(tally.peakInFlight, pending.size);
      }
      await sleep(5);
    }
    await Promise.all(pending);
  } finally {
    agent.destroy();
  }
  tally.elapsedMs = performance.now() - start;
  return tally;
}
