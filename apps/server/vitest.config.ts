import { defineConfig } from 'vitest/config';

// Each test file starts its own database (embedded PGlite takes a few seconds) and pg-boss.
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 120_000 },
});
