#!/usr/bin/env node
// The two commands a newcomer types — `npm start` and `npm test` — land here. Only Node is assumed:
// pnpm is fetched from the npm registry at the version pinned in package.json, dependencies are
// installed when missing or out of date, and the SPA is built when its sources are newer than the build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmSpec = pkg.packageManager; // e.g. pnpm@10.34.8
const isCI = process.env.CI === 'true' || process.env.CI === '1';

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpm(args, options) {
  return run('npm', ['exec', '--yes', `--package=${pnpmSpec}`, '--', 'pnpm', ...args], options);
}

function mustPnpm(args, options) {
  const status = pnpm(args, options);
  if (status !== 0) process.exit(status);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function ensureInstalled() {
  const marker = join(root, 'node_modules', '.pnpm', 'lock.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('crmflow: installing dependencies (first run takes a minute)…');
  mustPnpm(['install', '--frozen-lockfile', '--config.confirmModulesPurge=false']);
}

function ensureWebBuilt() {
  const web = join(root, 'apps', 'web');
  const built = join(web, 'dist', 'index.html');
  const sources = Math.max(newestMtime(join(web, 'src')), newestMtime(join(root, 'packages', 'flow', 'src')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('crmflow: building the web app…');
  mustPnpm(['--filter', '@crmflow/web', 'build']);
}

function portOpen(host, port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((c) => c && existsSync(c));
}

const reportDir = join(root, 'node_modules', '.cache', 'crmflow-test-reports');

/** Runs one vitest suite, collecting its JSON report so the summary can count every test. */
function vitest({ label, filter, env = {}, files = [] }) {
  const outputFile = join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
  console.log(`\n=== ${label} ===`);
  const status = pnpm(
    [
      '--filter',
      filter,
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${outputFile}`,
      ...files,
    ],
    { env: { ...process.env, ...env } },
  );
  return { label, status, outputFile };
}

function summarise(results) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const r of results) {
    if (!existsSync(r.outputFile)) {
      if (r.status !== 0) failed += 1;
      continue;
    }
    const report = JSON.parse(readFileSync(r.outputFile, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (r.status !== 0 && !report.numFailedTests ? 1 : 0);
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  return { passed, failed, skipped };
}

async function test() {
  ensureInstalled();
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });

  console.log('\n=== typecheck ===');
  const typecheck = pnpm(['-r', '--workspace-concurrency=2', 'typecheck']);
  console.log('\n=== lint ===');
  const lint = pnpm(['exec', 'biome', 'check', '.']);
  // Exports, files and dependencies nothing uses fail the run, so they never pile up (knip.json).
  const unused = pnpm(['exec', 'knip', '--no-progress']);

  const results = [];
  // Pure packages and the SPA's component tests need no database.
  results.push(vitest({ label: 'flow', filter: '@crmflow/flow' }));
  results.push(vitest({ label: 'web', filter: '@crmflow/web' }));

  const dbSuites = ['@crmflow/db', '@crmflow/engine', '@crmflow/server'];
  for (const filter of dbSuites) {
    results.push(vitest({ label: `${filter} (embedded)`, filter, env: { CRMFLOW_TEST_DB: 'embedded' } }));
  }

  const pgUp = await portOpen('127.0.0.1', 5432);
  if (pgUp) {
    for (const filter of dbSuites) {
      results.push(vitest({ label: `${filter} (postgres)`, filter, env: { CRMFLOW_TEST_DB: 'postgres' } }));
    }
    // The chaos run measures the product under load: alone, not beside the other test files.
    results.push(
      vitest({
        label: '@crmflow/server chaos (postgres)',
        filter: '@crmflow/server',
        env: { CRMFLOW_TEST_DB: 'postgres', CRMFLOW_TEST_CHAOS: 'on' },
        files: ['src/start/chaos.test.ts'],
      }),
    );
  } else if (isCI) {
    console.error('crmflow: PostgreSQL is not reachable at 127.0.0.1:5432 (required on CI)');
    results.push({ label: 'postgres', status: 1, outputFile: '' });
  } else {
    console.log('\ncrmflow: no PostgreSQL at 127.0.0.1:5432 — the suites ran on the embedded database only.');
  }

  const chromium = findChromium();
  if (chromium) {
    ensureWebBuilt();
    results.push(
      vitest({
        label: 'e2e (chromium)',
        filter: '@crmflow/e2e',
        env: { CHROMIUM_PATH: chromium, CRMFLOW_TEST_DB: pgUp ? 'postgres' : 'embedded' },
      }),
    );
  } else if (isCI) {
    console.error('crmflow: Chromium not found (required on CI for the end-to-end tests)');
    results.push({ label: 'e2e', status: 1, outputFile: '' });
  } else {
    console.log('\ncrmflow: Chromium not found — end-to-end tests not run (apt-get install chromium).');
  }

  const { passed, failed, skipped } = summarise(results);
  const broken = results.filter((r) => r.status !== 0).map((r) => r.label);
  if (typecheck !== 0) broken.push('typecheck');
  if (lint !== 0) broken.push('lint');
  if (unused !== 0) broken.push('unused code (knip)');
  console.log(
    `\n${broken.length ? `Failed: ${broken.join(', ')}\n` : ''}Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
  process.exit(broken.length ? 1 : 0);
}

function start() {
  ensureInstalled();
  ensureWebBuilt();
  const status = pnpm(['exec', 'tsx', 'apps/server/src/main.ts']);
  process.exit(status);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'start') start();
else if (command === 'test') await test();
else if (command === 'pnpm') {
  ensureInstalled();
  process.exit(pnpm(rest));
} else {
  console.error('usage: node scripts/crmflow.mjs start | test | pnpm <args>');
  process.exit(2);
}
