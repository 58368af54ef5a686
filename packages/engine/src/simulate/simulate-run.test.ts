import { allocationRules, notifications, records, runs, workflowFired } from '@crmflow/db';
import { addDays, todayIn } from '@crmflow/flow';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkflow, graphOf, recordWriter, seedOrg, type TestOrg } from '../../test/fixtures.ts';
import { openRuntimeBed, type RuntimeBed } from '../../test/runtime-bed.ts';
import { SimulationError, simulateRun } from './simulate-run.ts';

let bed: RuntimeBed;
let org: TestOrg;
let write: ReturnType<typeof recordWriter>;
const user = (index: number) => org.users[index]?.id ?? '';
const now = new Date('2025-03-15T03:00:00Z');

beforeAll(async () => {
  bed = await openRuntimeBed();
  org = await seedOrg(bed.database.db);
  write = recordWriter({ db: bed.database.db, boss: bed.boss, orgId: org.id, userId: user(0) });
}, 180_000);
afterAll(() => bed?.close());

const db = () => bed.database.db;
const delivered = {
  id: 'c',
  type: 'condition',
  config: { mode: 'criteria', logic: 'and', rules: [{ field: 'status', op: 'eq', value: 'delivered' }] },
};
const orderFlow = (withFalseBranch: boolean) =>
  graphOf({
    trigger: { on: 'update', fields: ['status'], repeat: false },
    nodes: [
      delivered,
      {
        id: 'task',
        type: 'create_task',
        config: {
          title: 'Gọi chăm sóc đơn #code',
          dueInDays: 2,
          assignee: { field: 'owner_id' },
          related: [user(1)],
        },
      },
      {
        id: 'tell',
        type: 'notify',
        config: { name: 'Báo', to: { fields: ['owner_id'] }, message: 'Đơn #code đã giao, tổng #total' },
      },
      ...(withFalseBranch
        ? [
            {
              id: 'mark',
              type: 'update_fields',
              config: { name: 'Đánh dấu', values: [{ field: 'revenue_status', value: 'none' }] },
            },
          ]
        : []),
    ],
    edges: ['t>c', 'c>task:true', 'task>tell', ...(withFalseBranch ? ['c>mark:false'] : [])],
  });

const counts = async () => ({
  runs: (await db().select({ n: count() }).from(runs))[0]?.n,
  notifications: (await db().select({ n: count() }).from(notifications))[0]?.n,
  tasks: (await db().select({ n: count() }).from(records).where(eq(records.module, 'task')))[0]?.n,
});

describe('simulateRun', { timeout: 60_000 }, () => {
  it('shows what each step on the path would do, and does nothing', async () => {
    const workflowId = await addWorkflow(db(), { orgId: org.id, module: 'order', graph: orderFlow(true) });
    const order = await write.create('order', {
      code: 'DH-42',
      status: 'delivered',
      total: 3_500_000,
      owner_id: user(2),
    });
    const before = await counts();
    const result = await simulateRun({ db: db(), orgId: org.id, workflowId, recordId: order.id, now });
    expect(result.matched).toBe(true);
    expect(result.path).toEqual(['t', 'c', 'task', 'tell']);
    expect(result.nodes.t).toMatchObject({
      status: 'matched',
      reason: expect.stringContaining('mọi trường'),
    });
    expect(result.nodes.c?.status).toBe('matched');
    expect(result.nodes.mark?.status).toBe('skipped');
    expect(result.nodes.task).toMatchObject({
      status: 'would_run',
      preview: {
        title: 'Gọi chăm sóc đơn DH-42',
        dueDate: addDays(todayIn('Asia/Ho_Chi_Minh', now), 2),
        assignee: { id: user(2), name: 'Lê Hoàng Cường' },
        related: [{ id: user(1), name: 'Trần Thị Bình' }],
      },
    });
    expect(result.nodes.tell).toMatchObject({
      status: 'would_run',
      preview: { message: 'Đơn DH-42 đã giao, tổng 3.500.000 ₫' },
    });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['after a step that proposes it', ['t>propose', 'propose>record'], 'would_run'],
    ['with no proposal before it', ['t>record'], 'error'],
  ])('records revenue %s', async (_what, edges, status) => {
    const graph = graphOf({
      trigger: { on: 'update', fields: ['status'], repeat: true },
      nodes: [
        { id: 'propose', type: 'propose_revenue', config: { name: 'Đề nghị' } },
        { id: 'record', type: 'record_revenue', config: { name: 'Ghi' } },
      ],
      edges,
    });
    const reachable = {
      ...graph,
      nodes: graph.nodes.filter((node) => edges.some((edge) => edge.includes(node.id))),
    };
    const workflowId = await addWorkflow(db(), { orgId: org.id, module: 'order', graph: reachable });
    const order = await write.create('order', { code: 'DH-77', status: 'delivered', total: 1_200_000 });
    const result = await simulateRun({ db: db(), orgId: org.id, workflowId, recordId: order.id, now });
    expect(result.nodes.record?.status).toBe(status);
    if (status === 'would_run') {
      const proposed = Reflect.get(Object(result.nodes.propose?.preview), 'amount');
      expect(Number(proposed)).toBeGreaterThan(0);
      expect(result.nodes.record?.preview).toEqual({ kind: 'recorded', amount: proposed });
    }
  });

  it('says which rule failed and takes the false branch', async () => {
    const withBranch = await addWorkflow(db(), { orgId: org.id, module: 'order', graph: orderFlow(true) });
    const without = await addWorkflow(db(), { orgId: org.id, module: 'order', graph: orderFlow(false) });
    const order = await write.create('order', { code: 'DH-43', status: 'confirmed' });
    const branched = await simulateRun({
      db: db(),
      orgId: org.id,
      workflowId: withBranch,
      recordId: order.id,
      now,
    });
    expect(branched).toMatchObject({ matched: true, path: ['t', 'c', 'mark'] });
    expect(branched.nodes.c).toMatchObject({
      status: 'not_matched',
      reason: expect.stringContaining('Tình trạng bằng Đã giao hàng'),
    });
    expect(branched.nodes.c?.reason).toContain('Đã xác nhận');
    expect(branched.nodes.mark).toMatchObject({
      status: 'would_run',
      preview: { changes: [{ field: 'revenue_status', to: 'none' }] },
    });
    const plain = await simulateRun({
      db: db(),
      orgId: org.id,
      workflowId: without,
      recordId: order.id,
      now,
    });
    expect(plain.matched).toBe(false);
    expect(plain.nodes.task?.status).toBe('skipped');
  });

  it('notes that a first-time-only workflow already ran for the record', async () => {
    const workflowId = await addWorkflow(db(), { orgId: org.id, module: 'order', graph: orderFlow(false) });
    const order = await write.create('order', { code: 'DH-44', status: 'delivered' });
    await db()
      .insert(workflowFired)
      .values({ workflowId, recordId: order.id, orgId: org.id, firstFiredAt: now, lastMatched: true });
    const result = await simulateRun({ db: db(), orgId: org.id, workflowId, recordId: order.id, now });
    expect(result.nodes.t?.reason).toContain('đã chạy cho bản ghi này');
  });

  it('previews a hand-over by allocation rule without moving the rule on', async () => {
    const [rule] = await db()
      .insert(allocationRules)
      .values({ orgId: org.id, module: 'lead', name: 'Chia', userIds: [user(1), user(2)], cursor: 1 })
      .returning();
    const workflowId = await addWorkflow(db(), {
      orgId: org.id,
      module: 'lead',
      graph: graphOf({
        trigger: { on: 'create' },
        nodes: [{ id: 'a', type: 'assign_owner', config: { name: 'Chia', mode: 'rule', ruleId: rule?.id } }],
        edges: ['t>a'],
      }),
    });
    const lead = await write.create('lead', { name: 'Khách mới' });
    const result = await simulateRun({ db: db(), orgId: org.id, workflowId, recordId: lead.id, now });
    expect(result.nodes.a).toMatchObject({
      status: 'would_run',
      preview: { ownerId: user(2), ownerName: 'Lê Hoàng Cường' },
    });
    const [after] = await db()
      .select()
      .from(allocationRules)
      .where(eq(allocationRules.id, rule?.id ?? ''));
    expect(after?.cursor).toBe(1);
  });

  const tell = {
    id: 'tell',
    type: 'notify',
    config: { name: 'Báo', to: { fields: ['owner_id'] }, message: 'Đơn #code' },
  };
  it.each([
    {
      name: 'a condition whose rules do not read',
      trigger: { on: 'update', fields: ['status'] },
      nodes: [{ id: 'bad', type: 'condition', config: { mode: 'criteria', logic: 'maybe' } }, tell],
      edges: ['t>bad', 'bad>tell:false'],
      says: 'Cấu hình của bước chưa hợp lệ',
      statuses: { t: 'matched', bad: 'error', tell: 'skipped' },
    },
    {
      name: 'a step of an unknown kind',
      trigger: { on: 'update', fields: ['status'] },
      nodes: [{ id: 'bad', type: 'fax', config: {} }, tell],
      edges: ['t>bad', 'bad>tell', 't>tell'],
      says: 'Loại bước không xác định',
      statuses: { t: 'matched', bad: 'error', tell: 'would_run' },
    },
    {
      name: 'a trigger that does not read',
      trigger: { on: 'sometimes' },
      nodes: [tell],
      edges: ['t>tell'],
      says: 'Cấu hình của bước chưa hợp lệ',
      statuses: { t: 'error', tell: 'skipped' },
    },
  ])('walks a draft with $name up to it, showing its error there', async (draft) => {
    const workflowId = await addWorkflow(db(), {
      orgId: org.id,
      module: 'order',
      active: false,
      graph: graphOf({ trigger: draft.trigger, nodes: draft.nodes, edges: draft.edges }),
    });
    const order = await write.create('order', { code: 'DH-46', status: 'delivered', owner_id: user(2) });
    const result = await simulateRun({ db: db(), orgId: org.id, workflowId, recordId: order.id, now });
    const statuses = Object.fromEntries(Object.entries(result.nodes).map(([id, node]) => [id, node.status]));
    expect(statuses).toEqual(draft.statuses);
    const bad = draft.statuses.t === 'error' ? 't' : 'bad';
    expect(result.nodes[bad]?.reason).toContain(draft.says);
    expect(result.matched).toBe(statuses.tell === 'would_run');
  });

  it.each([
    { name: 'a workflow of another organization', code: 'workflow_not_found', other: 'workflow' },
    { name: 'a record of another module', code: 'record_not_found', other: 'record' },
  ])('refuses $name', async ({ code, other }) => {
    const stranger = await seedOrg(db(), 'Công ty lạ');
    const workflowId = await addWorkflow(db(), {
      orgId: other === 'workflow' ? stranger.id : org.id,
      module: 'order',
      graph: orderFlow(false),
    });
    const record = await write.create(
      other === 'record' ? 'lead' : 'order',
      other === 'record' ? { name: 'Khách' } : { code: 'DH-45' },
    );
    const attempt = simulateRun({ db: db(), orgId: org.id, workflowId, recordId: record.id, now });
    await expect(attempt).rejects.toBeInstanceOf(SimulationError);
    await expect(attempt).rejects.toMatchObject({ code });
  });
});
