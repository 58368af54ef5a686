import { type Executor, loginAttempts } from '@crmflow/db';
import { and, count, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';

/**
 * Contract, counted in the database so that every API process shares it: within 15 minutes,
 * 10 failed logins per email and address, 20 per address whatever the accounts (password
 * spraying), 30 per account whatever the addresses; then 429 with Retry-After.
 */
export const LOGIN_LIMIT = { attempts: 10, perAddress: 20, perAccount: 30, windowMinutes: 15 } as const;
/** Sign-ups are counted per address within an hour (the number is `CRMFLOW_SIGNUP_LIMIT`). */
const SIGNUP_WINDOW_MINUTES = 60;

const since = (minutes: number) => sql`now() - make_interval(mins => ${minutes})`;

export const loginKey = (email: string, ip: string) => `${email.trim().toLowerCase()}|${ip}`;

/** The counters a failed login adds to, each with its limit. */
export function loginCounters(email: string, ip: string): { key: string; limit: number }[] {
  return [
    { key: loginKey(email, ip), limit: LOGIN_LIMIT.attempts },
    { key: `ip:${ip}`, limit: LOGIN_LIMIT.perAddress },
    { key: `email:${email.trim().toLowerCase()}`, limit: LOGIN_LIMIT.perAccount },
  ];
}

async function assertBelow(
  db: Executor,
  counters: { key: string; limit: number }[],
  windowMinutes: number,
): Promise<void> {
  const rows = await db
    .select({ key: loginAttempts.key, attempts: count() })
    .from(loginAttempts)
    .where(
      and(
        inArray(
          loginAttempts.key,
          counters.map((c) => c.key),
        ),
        gt(loginAttempts.at, since(windowMinutes)),
      ),
    )
    .groupBy(loginAttempts.key);
  const reached = counters.some((c) => (rows.find((r) => r.key === c.key)?.attempts ?? 0) >= c.limit);
  if (reached) {
    throw new AppError('rate_limited', { params: { minutes: windowMinutes, seconds: windowMinutes * 60 } });
  }
}

async function record(db: Executor, keys: string[], windowMinutes: number): Promise<void> {
  await db
    .delete(loginAttempts)
    .where(and(inArray(loginAttempts.key, keys), lt(loginAttempts.at, since(windowMinutes))));
  await db.insert(loginAttempts).values(keys.map((key) => ({ key })));
}

/** Refuses the attempt, before any password is checked, once a limit is reached. */
export async function assertLoginAllowed(db: Executor, email: string, ip: string): Promise<void> {
  await assertBelow(db, loginCounters(email, ip), LOGIN_LIMIT.windowMinutes);
}

export async function recordLoginFailure(db: Executor, email: string, ip: string): Promise<void> {
  await record(
    db,
    loginCounters(email, ip).map((c) => c.key),
    LOGIN_LIMIT.windowMinutes,
  );
}

/** A success clears the failures of this email from this address; the wider counters stay. */
export async function clearLoginFailures(db: Executor, email: string, ip: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, loginKey(email, ip)));
}

/** Counts a sign-up attempt from an address, refusing it past the limit. */
export async function admitSignup(db: Executor, ip: string, limit: number): Promise<void> {
  const counter = { key: `signup:${ip}`, limit };
  await assertBelow(db, [counter], SIGNUP_WINDOW_MINUTES);
  await record(db, [counter.key], SIGNUP_WINDOW_MINUTES);
}
