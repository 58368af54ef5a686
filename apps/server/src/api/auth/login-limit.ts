import { type Executor, loginAttempts } from '@crmflow/db';
import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';

/** Contract: 10 failed attempts per email and address within 15 minutes, then 429. */
export const LOGIN_LIMIT = { attempts: 10, windowMinutes: 15 } as const;

const window = sql`now() - make_interval(mins => ${LOGIN_LIMIT.windowMinutes})`;

export const loginKey = (email: string, ip: string) => `${email.trim().toLowerCase()}|${ip}`;

/** Refuses the attempt, before any password is checked, once the limit is reached. */
export async function assertLoginAllowed(db: Executor, key: string): Promise<void> {
  const [row] = await db
    .select({ failures: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), gt(loginAttempts.at, window)));
  if ((row?.failures ?? 0) >= LOGIN_LIMIT.attempts) {
    throw new AppError('rate_limited', {
      params: { minutes: LOGIN_LIMIT.windowMinutes, seconds: LOGIN_LIMIT.windowMinutes * 60 },
    });
  }
}

export async function recordLoginFailure(db: Executor, key: string): Promise<void> {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.key, key), lt(loginAttempts.at, window)));
  await db.insert(loginAttempts).values({ key });
}

export async function clearLoginFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}
