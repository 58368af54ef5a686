import { type Executor as DbExecutor, pushVapidKeys } from '@crmflow/db';
import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import { decryptSecret, encryptSecret } from '../secrets/secret-box.ts';

/** The server's VAPID identity: what browsers subscribe with and push services check. */
export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

const ROW_ID = 'server';
const DEFAULT_SUBJECT = 'mailto:admin@example.com';

/**
 * Who push services may contact about this server's pushes: `CRMFLOW_PUSH_SUBJECT`, a
 * `mailto:` address or an `https:` URL (web-push refuses anything else).
 */
export function pushSubject(env: NodeJS.ProcessEnv = process.env): string {
  return env.CRMFLOW_PUSH_SUBJECT?.trim() || DEFAULT_SUBJECT;
}

/**
 * The VAPID key pair, made once for the installation and kept in the database with its private
 * key sealed under the server's secret key, so the API (which hands out the public key) and
 * every worker (which signs with the private one) share it. Concurrent first starts race on the
 * insert; the row that won is the one everybody reads back.
 */
export async function ensureVapidKeys(args: { db: DbExecutor; secretKey: Buffer }): Promise<VapidKeys> {
  const { db, secretKey } = args;
  const [existing] = await db.select().from(pushVapidKeys).where(eq(pushVapidKeys.id, ROW_ID));
  let row = existing;
  if (!row) {
    const fresh = webpush.generateVAPIDKeys();
    await db
      .insert(pushVapidKeys)
      .values({
        id: ROW_ID,
        publicKey: fresh.publicKey,
        privateKeySealed: encryptSecret(secretKey, fresh.privateKey),
      })
      .onConflictDoNothing();
    [row] = await db.select().from(pushVapidKeys).where(eq(pushVapidKeys.id, ROW_ID));
  }
  if (!row) throw new Error('The VAPID keys could not be stored');
  return {
    publicKey: row.publicKey,
    privateKey: decryptSecret(secretKey, row.privateKeySealed),
    subject: pushSubject(),
  };
}
