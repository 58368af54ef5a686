import { configDefaults, defineConfig } from 'vitest/config';

// Tests talk to SMTP and HTTP servers of their own on 127.0.0.1: the server-wide switch of the
// outbound guard lets them. Tests of the guard itself switch it off (see outbound-guard.test.ts).
// Two attempts of one step running at once need two batches in flight, which the embedded
// database's worker never has (one batch at a time): that test belongs to the PostgreSQL pass.
const postgresOnly = ['src/runtime/steps/step-overtaken.test.ts'];
export default defineConfig({
  test: {
    env: { CRMFLOW_ALLOW_PRIVATE_NETWORK: 'on' },
    exclude: [...configDefaults.exclude, ...(process.env.CRMFLOW_TEST_DB === 'postgres' ? [] : postgresOnly)],
  },
});
