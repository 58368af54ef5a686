import { configDefaults, defineConfig } from 'vitest/config';

// Each test file starts its own database (embedded PGlite takes a few seconds) and pg-boss.
// Tests send to SMTP and HTTP servers of their own on 127.0.0.1: the outbound guard's
// server-wide switch lets them (tests of the guard switch it off).
// The chaos, stop and scale-out tests start the API (and workers) as separate processes on one database, which
// the embedded database cannot serve: they belong to the PostgreSQL pass. The chaos test runs in a
// pass of its own (CRMFLOW_TEST_CHAOS=on, see scripts/crmflow.mjs), with no other file beside it.
const chaos = 'src/start/chaos.test.ts';
const postgres = process.env.CRMFLOW_TEST_DB === 'postgres';
const left = postgres
  ? process.env.CRMFLOW_TEST_CHAOS === 'on'
    ? []
    : [chaos]
  : [chaos, 'src/start/stop.test.ts', 'src/start/scale-out.test.ts'];
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { CRMFLOW_ALLOW_PRIVATE_NETWORK: 'on' },
    exclude: [...configDefaults.exclude, ...left],
  },
});
