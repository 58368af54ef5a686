import { openPostgresTestDatabase } from '@crmflow/db/testing';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { runChaos } from '../test/chaos/chaos-run.ts';
import { achievedRates } from '../test/chaos/edit-load.ts';

/**
 * `bench/chaos` made small: the API and two worker processes on a database of their own, 30
 * contact edits a second for 8 s through single PATCH requests, each firing three workflows
 * (update + notify, an email through a real SMTP server, a task), while one worker is killed with
 * SIGKILL and every session of the database is ended once. A supervisor looks every second for
 * jobs whose heartbeat stopped (the product: every 10 s), so a killed worker's jobs come back
 * about 10 s after the kill; the wait for the runs has a deadline. Separate processes cannot share the embedded database:
 * PostgreSQL only (the server's vitest config leaves it out of the embedded pass).
 */
describe('the product under load and chaos', () => {
  it('runs each workflow once per committed edit, sends each email once, and no process dies', async () => {
    const database = await openPostgresTestDatabase({ max: 4 });
    const admin = postgres(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', {
      max: 1,
      onnotice: () => {},
    });
    const lines: string[] = [];
    const began = Date.now();
    const log = (line: string) =>
      lines.push(`${((Date.now() - began) / 1000).toFixed(1).padStart(5)} s ${line}`);
    try {
      const outcome = await runChaos({
        databaseUrl: database.url,
        database,
        admin,
        ratePerSecond: 30,
        seconds: 8,
        contacts: 60,
        workers: 2,
        events: [
          { at: 0.3, kind: 'kill-worker' },
          { at: 0.6, kind: 'terminate-connections' },
        ],
        smtpTimeoutMs: 1_500,
        superviseEverySecond: true,
        stallMs: 30_000,
        settleDeadlineMs: 60_000,
        log,
      });
      const { tally, audit } = outcome;
      const rates = achievedRates(tally);
      console.info(
        `chaos test: ${tally.sent} of ${tally.due} edits sent (${tally.dropped} dropped by the client, ` +
          `${rates.sentPerSecond.toFixed(1)}/s sent, ${rates.okPerSecond.toFixed(1)}/s answered 200), ` +
          `${tally.ok} answered 200, ${tally.unavailable} 503, ${tally.noAnswer} unanswered; ` +
          `${audit.edits} committed; runs ${audit.runs.update.present}/${audit.runs.email.present}/` +
          `${audit.runs.task.present}; ${audit.emails.received} emails (${audit.emails.presumed} settled as ` +
          `handed over); settled ${outcome.settleMs} ms after the load; stops ` +
          outcome.exits
            .filter((e) => e.stop)
            .map((e) => `${e.name} ${e.stop?.ms} ms`)
            .join(', ') +
          `\n  ${lines.join('\n  ')}`,
      );
      expect(outcome.failures).toEqual([]);
      // The chaos happened, and the load with it.
      expect(outcome.exits.filter((e) => e.cause === 'killed')).toHaveLength(1);
      expect(outcome.timeline.some((line) => /pg_terminate_backend: [1-9]\d* sessions/.test(line))).toBe(
        true,
      );
      // The load happened: a third of the 240 edits due committed at least (some are refused with
      // 503 while the sessions are being ended; on a loaded machine the client drops some).
      expect(audit.edits).toBeGreaterThanOrEqual(tally.due / 3);
      expect(audit.edits).toBeGreaterThanOrEqual(tally.ok);
    } finally {
      await admin.end({ timeout: 5 });
      await database.close();
    }
  }, 150_000);
});
