import { describe, expect, it } from 'vitest';
import { describeExit } from './chaos-run.ts';
import { exitVerdict, type ProcessExit } from './fleet.ts';

const exit = (over: Partial<ProcessExit>): ProcessExit => ({
  name: 'api',
  pid: 42,
  code: 0,
  signal: null,
  cause: 'stopped',
  stop: { ms: 1200, forced: false },
  output: '',
  ...over,
});

describe('what a process exit says about the product', () => {
  it.each([
    {
      what: 'our SIGKILL',
      e: exit({ cause: 'killed', code: null, signal: 'SIGKILL', stop: undefined }),
      v: 'ok',
    },
    { what: 'a stop ending with 0', e: exit({}), v: 'ok' },
    {
      what: 'an exit nobody asked for',
      e: exit({ cause: 'unexpected', code: 1, stop: undefined }),
      v: 'crash',
    },
    {
      what: 'a stop we had to end with SIGKILL',
      e: exit({ code: null, signal: 'SIGKILL', stop: { ms: 90_000, forced: true } }),
      v: 'stop-timeout',
    },
    {
      what: "a stop past the server's own deadline",
      e: exit({
        code: 1,
        output: 'crmflow: shutdown did not finish within 60 s (stuck closing HTTP); exiting\n',
      }),
      v: 'stop-timeout',
    },
    {
      what: 'a stop ending with 1 otherwise',
      e: exit({ code: 1, output: 'shutdown: boom' }),
      v: 'stop-failed',
    },
    { what: 'a stop ending by SIGTERM itself', e: exit({ code: null, signal: 'SIGTERM' }), v: 'stop-failed' },
  ] as const)('$what: $v', ({ e, v }) => {
    expect(exitVerdict(e)).toBe(v);
  });

  it.each([
    { e: exit({ cause: 'unexpected', code: 1, stop: undefined }), says: /crashed: nobody asked/ },
    {
      e: exit({ code: null, signal: 'SIGKILL', stop: { ms: 90_000, forced: true } }),
      says: /stop timed out: still shutting down 90\.0 s after SIGTERM, killed/,
    },
    {
      e: exit({
        code: 1,
        stop: { ms: 60_100, forced: false },
        output: 'shutdown did not finish within 60 s',
      }),
      says: /stop timed out: its own shutdown deadline passed 60\.1 s after SIGTERM/,
    },
    { e: exit({ code: 1 }), says: /stop failed: asked to stop, it ended with an error 1\.2 s after SIGTERM/ },
  ])('reports $says', ({ e, says }) => {
    expect(describeExit(e)).toMatch(says);
  });
});
