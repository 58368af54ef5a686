import type { Db } from '@crmflow/db';
import type { Job } from 'pg-boss';
import { messagingSettings } from '../executors/messaging/messaging-settings.ts';
import { deliverPush } from './push-deliver.ts';
import type { PushJob } from './push-queue.ts';
import { ensureVapidKeys, type VapidKeys } from './vapid-keys.ts';

/**
 * The `notification.push` worker: one job per device push. A push that failed and may pass later
 * (the push service's 5xx or 429, a timeout) or that another worker holds fails the job, for
 * pg-boss to retry with backoff; the outbox keeps it from being sent twice.
 */
export function pushJobHandler(db: Db): (jobs: Job<PushJob>[]) => Promise<void> {
  // The key pair never changes once made: read it once per process.
  let keys: Promise<VapidKeys> | undefined;
  const vapid = () => {
    const { secretKey } = messagingSettings();
    if (!secretKey) throw new Error('Web Push needs the server secret key (CRMFLOW_SECRET_KEY)');
    keys ??= ensureVapidKeys({ db, secretKey }).catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  };
  return async (jobs) => {
    for (const job of jobs) {
      const outcome = await deliverPush({ db, outboxId: job.data.outboxId, vapid: await vapid() });
      if (outcome === 'failed' || outcome === 'in_progress')
        throw new Error(`Push ${job.data.outboxId} not delivered yet (${outcome})`);
    }
  };
}
