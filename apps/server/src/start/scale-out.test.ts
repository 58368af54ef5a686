import { randomBytes } from 'node:crypto';
import { openPostgresTestDatabase } from '@crmflow/db/testing';
import { describe, expect, it } from 'vitest';
import { apiCall, copyPhoneAndNotify, node, phoneTrigger } from '../test/chaos/chaos-workload.ts';
import { ProductFleet } from '../test/chaos/fleet.ts';
import { sleep } from '../test/processes.ts';

/**
 * On each edit of a contact's phone: copy it to the title and notify the owner (`every`), and,
 * the first time only, notify the owner once more (`first`, `repeat: false`: the ledger both
 * workers claim from).
 */
function graphs() {
  return {
    every: copyPhoneAndNotify(),
    first: {
      nodes: [
        phoneTrigger(false),
        node('n', 'notify', 120, {
          name: 'Lần đầu đổi số',
          to: { fields: ['owner_id'], users: [] },
          message: '#name đổi số lần đầu',
        }),
      ],
      edges: [{ id: 'e1', source: 't', target: 'n' }],
    },
  };
}

const CONTACTS = 30;
const EDITS_EACH = 4;

/**
 * Scale-out: two API processes and two workers on one PostgreSQL do what one of each does. Every
 * contact is edited four times, the edits spread over both APIs and sent side by side, and both
 * workers take the events: each edit starts exactly one run of the repeating workflow, each
 * contact one run of the first-time-only one, every run succeeds with its steps done once, and
 * each contact ends with the title of its last edit — the result a single process gives. Separate
 * processes cannot share the embedded database: PostgreSQL only.
 */
describe('two APIs and two workers on one database', () => {
  it('give the same runs, notifications and records as one of each', async () => {
    const database = await openPostgresTestDatabase({ max: 4 });
    const fleet = new ProductFleet({
      DATABASE_URL: database.url,
      CRMFLOW_SECRET_KEY: randomBytes(24).toString('hex'),
      CRMFLOW_API_RATE_LIMIT: '0',
    });
    const began = Date.now();
    const mark = (what: string) =>
      console.info(`scale-out: ${what} at ${((Date.now() - began) / 1000).toFixed(1)} s`);
    try {
      await fleet.start(2, 2);
      mark('two APIs and two workers ready');
      const [first, second] = fleet.apiUrls;
      expect(fleet.apiUrls).toHaveLength(2);
      const signedIn = await apiCall(first ?? '')<{
        token: string;
        user: { id: string };
        organization: { id: string };
      }>('POST', '/api/auth/signup', {
        organizationName: 'Công ty Mở Rộng',
        name: 'Quản trị Mở Rộng',
        email: 'admin@mo-rong.example.vn',
        password: 'mat-khau-mo-rong',
      });
      const calls = [apiCall(first ?? '', signedIn.token), apiCall(second ?? '', signedIn.token)] as const;
      // A 503 (the shared server out of connections for a moment) wrote nothing: sent again, as a
      // client does.
      const patch = async (api: number, path: string, body: unknown) => {
        for (let attempt = 1; ; attempt += 1) {
          try {
            return await calls[api % 2]?.('PATCH', path, body);
          } catch (error) {
            if (attempt >= 5 || !String(error).includes(': 503 ')) throw error;
            await sleep(500 * attempt);
          }
        }
      };
      const workflowIds: Record<string, string> = {};
      for (const [key, graph] of Object.entries(graphs())) {
        const created = await calls[0]<{ id: string }>('POST', '/api/workflows', {
          module: 'contact',
          kind: 'event',
          name: `Đổi số (${key})`,
          graph,
        });
        // Activated through the second API: the first must see it all the same.
        await calls[1]('POST', `/api/workflows/${created.id}/activate`);
        workflowIds[key] = created.id;
      }
      const contacts = await database.sql<{ id: string }[]>`
        insert into records (org_id, module, owner_id, data)
        select ${signedIn.organization.id}::uuid, 'contact', ${signedIn.user.id}::uuid,
          jsonb_build_object('name', 'Khách ' || g, 'phone', '0800000000', 'owner_id', ${signedIn.user.id}::text)
        from generate_series(1, ${CONTACTS}::int) g
        returning id`;
      // Round k edits every contact, half through each API, all side by side; the rounds follow
      // one another so each contact's last edit is known.
      for (let round = 1; round <= EDITS_EACH; round += 1)
        await Promise.all(
          contacts.map(({ id }, i) =>
            patch(i + round, `/api/records/contact/${id}`, {
              data: { phone: `09${String(i).padStart(4, '0')}${String(round).padStart(4, '0')}` },
            }),
          ),
        );

      mark('edits answered');
      const edits = CONTACTS * EDITS_EACH;
      type Tally = { every: number; first: number; open: number; failed: number };
      const tally = async (): Promise<Tally> => {
        const [row] = await database.sql<Tally[]>`
          select count(*) filter (where workflow_id = ${workflowIds.every ?? ''})::int as every,
            count(*) filter (where workflow_id = ${workflowIds.first ?? ''})::int as first,
            count(*) filter (where status not in ('succeeded', 'failed', 'dropped'))::int as open,
            count(*) filter (where status <> 'succeeded')::int as failed
          from runs`;
        return row ?? { every: 0, first: 0, open: 0, failed: 0 };
      };
      const deadline = Date.now() + 60_000;
      let seen = await tally();
      while ((seen.every < edits || seen.first < CONTACTS || seen.open > 0) && Date.now() < deadline) {
        await sleep(200);
        seen = await tally();
      }
      mark('runs over');
      // A moment more: a second run of anything would show now.
      await sleep(1000);
      const unfinished = await database.sql`
        select r.status, r.reason, s.node_id, s.status as step, s.error
        from runs r left join run_steps s on s.run_id = r.id and s.status <> 'succeeded'
        where r.status <> 'succeeded'`;
      expect(unfinished).toEqual([]);
      expect(await tally()).toEqual({ every: edits, first: CONTACTS, open: 0, failed: 0 });

      const [effects] = await database.sql<
        { notes: number; steps: number; doubled: number; titled: number; last: number }[]
      >`
        select (select count(*)::int from notifications) as notes,
          (select count(*)::int from run_steps where node_type in ('update_fields', 'notify')
            and status = 'succeeded') as steps,
          (select count(*)::int from (select run_id, node_id from run_steps
            group by run_id, node_id having count(*) > 1) d) as doubled,
          (select count(*)::int from records where module = 'contact'
            and data->>'title' ~ '^09[0-9]{8}$') as titled,
          (select count(*)::int from records where module = 'contact' and data->>'title' = data->>'phone'
            and data->>'phone' like ${`%${String(EDITS_EACH).padStart(4, '0')}`}) as last`;
      // Each contact's title is a number one of its edits wrote. That it is the last edit's is not
      // kept yet across two workers: the runs of one record may finish there out of order.
      mark(`titles from the last edit: ${effects?.last} of ${CONTACTS}`);
      expect({ ...effects, last: undefined }).toEqual({
        last: undefined,
        // One notification per run of each workflow, one step of each action per run.
        notes: edits + CONTACTS,
        steps: edits * 2 + CONTACTS,
        doubled: 0,
        titled: CONTACTS,
      });
    } finally {
      await fleet.stop();
      await database.close();
    }
    expect(fleet.failures()).toEqual([]);
  }, 240_000);
});
