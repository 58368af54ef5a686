import { configDefaults, defineConfig } from 'vitest/config';

// Each test file starts its own database (embedded PGlite takes a few seconds) and pg-boss.
// Tests send to SMTP and HTTP servers of their own on 127.0.0.1: the outbound guard's
// server-wide switch lets them (tests of the guard switch it off).
// The chaos and stop tests start the API (and workers) as separate processes on one database, which
// the embedded database cannot serve: they belong to the PostgreSQL pass.
const postgresOnly = ['src/start/chaos.test.ts', 'src/start/stop.test.ts'];
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { CRMFLOW_ALLOW_PRIVATE_NETWORK: 'on' },
    exclude: [...configDefaults.exclude, ...(process.env.CRMFLOW_TEST_DB === 'postgres' ? [] : postgresOnly)],
  },
});
