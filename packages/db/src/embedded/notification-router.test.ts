import { describe, expect, it } from 'vitest';
import { type Listener, listenCommands, NotificationRouter } from './notification-router.ts';

describe('listenCommands', () => {
  it.each([
    { sql: 'LISTEN "pgboss_Queue"', commands: [{ action: 'listen', channel: 'pgboss_Queue' }] },
    { sql: 'listen Jobs', commands: [{ action: 'listen', channel: 'jobs' }] },
    { sql: 'listen "a""b"', commands: [{ action: 'listen', channel: 'a"b' }] },
    { sql: '  UNLISTEN *', commands: [{ action: 'unlisten', channel: '*' }] },
    {
      sql: 'listen a; select 1; unlisten b',
      commands: [
        { action: 'listen', channel: 'a' },
        { action: 'unlisten', channel: 'b' },
      ],
    },
    { sql: "select pg_notify('listen', 'x')", commands: [] },
    { sql: 'select * from listeners', commands: [] },
  ])('reads $sql', ({ sql, commands }) => {
    expect(listenCommands(sql)).toEqual(commands);
  });
});

describe('NotificationRouter', () => {
  const listener = () => {
    const received: string[] = [];
    const target: Listener & { received: string[] } = {
      received,
      send: (bytes) => received.push(bytes.toString()),
    };
    return target;
  };
  const notify = (router: NotificationRouter, channel: string) =>
    router.route([{ channel, bytes: Buffer.from(channel) }]);

  it('sends each notification to the listeners of its channel only, until they stop listening', () => {
    const router = new NotificationRouter();
    const [jobs, both, gone] = [listener(), listener(), listener()];
    router.observe(jobs, 'LISTEN jobs');
    router.observe(both, 'LISTEN jobs; LISTEN mail');
    router.observe(gone, 'LISTEN mail');
    router.forget(gone);
    notify(router, 'jobs');
    notify(router, 'mail');
    router.observe(both, 'UNLISTEN *');
    notify(router, 'jobs');
    expect([jobs.received, both.received, gone.received]).toEqual([['jobs', 'jobs'], ['jobs', 'mail'], []]);
  });
});
