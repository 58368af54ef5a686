import { describe, expect, it } from 'vitest';
import { useStaffedHarness } from '../../test/harness.ts';
import { careGraph, createWorkflowVia } from '../workflows/workflow-graphs.testing.ts';

/** The calendar date it is now in a time zone, as the API writes dates. */
const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

describe('organization settings API', { timeout: 60_000 }, () => {
  const h = useStaffedHarness();

  it('shows every member the settings with their defaults', async () => {
    const res = await h.call('GET', '/api/organization', undefined, h.member.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'vi',
      leapDay: 'feb28',
      allowPrivateNetwork: false,
      runRetentionDays: 30,
      historyRetentionDays: 180,
    });
  });

  it.each([
    ['member', 403],
    ['manager', 403],
  ] as const)('refuses a change from a %s (%i)', async (role, status) => {
    const res = await h.call('PATCH', '/api/organization', { name: 'Không được' }, h[role].headers);
    expect(res.statusCode).toBe(status);
    expect((await h.call('GET', '/api/organization')).json().name).not.toBe('Không được');
  });

  it('lets the admin change every key, and keeps what was not sent', async () => {
    const res = await h.call('PATCH', '/api/organization', {
      name: 'Công ty TNHH Hoa Sen',
      locale: 'en',
      leapDay: 'mar1',
      allowPrivateNetwork: true,
      runRetentionDays: 7,
      historyRetentionDays: 365,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Công ty TNHH Hoa Sen',
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'en',
      leapDay: 'mar1',
      allowPrivateNetwork: true,
      runRetentionDays: 7,
      historyRetentionDays: 365,
    });
    const me = (await h.call('GET', '/api/me')).json();
    expect(me.organization.settings).toMatchObject({ leapDayRule: 'mar1', allowPrivateNetwork: true });
  });

  it.each([
    [{ timeZone: 'Asia/Hà_Nội' }, 'vi', 'timeZone', /không phải múi giờ IANA/],
    [{ timeZone: 'Mars/Olympus' }, 'en', 'timeZone', /not an IANA time zone/],
    [{ leapDay: 'feb29' }, 'en', 'leapDay', /./],
    [{ runRetentionDays: 0 }, 'vi', 'runRetentionDays', /./],
    [{ name: '  ' }, 'vi', 'name', /./],
    [{ locale: 'fr' }, 'en', 'locale', /./],
    [{ colour: 'red' }, 'en', 'colour', /./],
  ])('refuses %j (400 naming the field) and changes nothing', async (body, language, field, message) => {
    const before = (await h.call('GET', '/api/organization')).json();
    const res = await h.app.inject({
      method: 'PATCH',
      url: '/api/organization',
      headers: { ...h.headers, 'accept-language': language },
      payload: { name: 'Nửa chừng', ...body },
    });
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { field: string; message: string }[];
    expect(details.find((d) => d.field === field)?.message).toMatch(message);
    expect((await h.call('GET', '/api/organization')).json()).toEqual(before);
  });

  it('moves the next care run to the new time zone’s calendar', async () => {
    const workflow = await createWorkflowVia(h, {
      module: 'contact',
      kind: 'schedule',
      name: 'Chúc mừng sinh nhật',
      graph: careGraph('birthday'),
    });
    const nextRun = async (timeZone: string) => {
      const changed = await h.call('PATCH', '/api/organization', { timeZone });
      expect(changed.statusCode).toBe(200);
      const preview = await h.call('GET', `/api/workflows/${workflow.id}/preview`);
      expect(preview.statusCode).toBe(200);
      return preview.json().nextRuns[0].date as string;
    };
    // Twenty-five hours apart: their calendars never show the same day.
    const east = await nextRun('Pacific/Kiritimati');
    const west = await nextRun('Pacific/Pago_Pago');
    expect(east).toBe(todayIn('Pacific/Kiritimati'));
    expect(west).toBe(todayIn('Pacific/Pago_Pago'));
    expect(east).not.toBe(west);
  });
});
