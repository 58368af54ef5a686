import { type RunningWorker, startWorker } from '@crmflow/engine';
import { type Harness, startHarness, type TestTenant } from './harness.ts';

export type WorkerHarness = { h: Harness; other: TestTenant; close(): Promise<void> };

/**
 * The API harness with a worker running beside it, so workflows really run, and a second
 * organization for the cross-tenant checks.
 */
export async function startWorkerHarness(): Promise<WorkerHarness> {
  const h = await startHarness();
  let worker: RunningWorker | undefined;
  try {
    worker = await startWorker({ database: h.database, boss: h.boss, logger: h.app.log });
    const other = await h.addOrganization('Công ty Khác');
    const running = worker;
    return {
      h,
      other,
      close: async () => {
        await running.stop();
        await h.close();
      },
    };
  } catch (error) {
    await worker?.stop();
    await h.close();
    throw error;
  }
}
