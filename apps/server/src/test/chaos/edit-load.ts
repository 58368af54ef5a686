import { sleep } from '../processes.ts';

/** How the API answered the edits, counted by the client. */
export type EditTally = {
  sent: number;
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
  /** How far behind its schedule the last request went out, at worst (ms). */
  maxLagMs: number;
};

/**
 * The phone number an edit writes: unique per edit, so every edit is a change and every message
 * a workflow renders from it says which edit it came from.
 */
export const phoneOf = (seq: number) => `09${String(seq).padStart(8, '0')}`;

/**
 * Edits contacts through single `PATCH /api/records/contact/:id` requests at a fixed rate for a
 * fixed time, whatever the answers: an open loop, requests go out on schedule even while earlier
 * ones wait. Each edit writes a new phone number to the next contact in turn.
 */
export async function driveEdits(args: {
  baseUrl: string;
  token: string;
  contactIds: readonly string[];
  ratePerSecond: number;
  seconds: number;
  /** Per request; a request without an answer by then counts as `noAnswer`. */
  timeoutMs?: number;
}): Promise<EditTally> {
  const tally: EditTally = {
    sent: 0,
    ok: 0,
    unavailable: 0,
    clientErrors: 0,
    serverErrors: 0,
    noAnswer: 0,
    serverErrorSamples: [],
    maxLagMs: 0,
  };
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${args.token}` };
  const total = Math.round(args.ratePerSecond * args.seconds);
  const timeoutMs = args.timeoutMs ?? 10_000;
  const pending = new Set<Promise<void>>();
  const edit = async (seq: number) => {
    const id = args.contactIds[seq % args.contactIds.length];
    const res = await fetch(`${args.baseUrl}/api/records/contact/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ data: { phone: phoneOf(seq) } }),
      signal: AbortSignal.timeout(timeoutMs),
    }).catch(() => null);
    if (!res) tally.noAnswer += 1;
    else if (res.status === 200) tally.ok += 1;
    else if (res.status === 503) tally.unavailable += 1;
    else if (res.status >= 500) {
      tally.serverErrors += 1;
      if (tally.serverErrorSamples.length < 5)
        tally.serverErrorSamples.push(`${res.status} ${(await res.text().catch(() => '')).slice(0, 300)}`);
    } else tally.clientErrors += 1;
    // Read every body so its connection goes back to the pool.
    if (res && !res.bodyUsed) await res.arrayBuffer().catch(() => undefined);
  };
  const start = performance.now();
  let seq = 0;
  while (seq < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * args.ratePerSecond) + 1);
    if (seq < due) {
      const lag = performance.now() - start - (seq / args.ratePerSecond) * 1000;
      tally.maxLagMs = Math.max(tally.maxLagMs, lag);
    }
    for (; seq < due; seq += 1) {
      tally.sent += 1;
      const request = edit(seq).finally(() => pending.delete(request));
      pending.add(request);
    }
    await sleep(5);
  }
  await Promise.all(pending);
  return tally;
}
