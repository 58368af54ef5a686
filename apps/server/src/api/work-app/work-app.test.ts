import { organizations, workAppTasks } from '@crmflow/db';
import type { FlowGraph } from '@crmflow/flow';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { startWorkApp } from '../../../../../packages/engine/src/providers/work-app.testing.ts';
import { type Harness, startHarness } from '../../test/harness.ts';
import { createWorkflowVia } from '../workflows/workflow-graphs.testing.ts';

const syncedTaskGraph: FlowGraph = {
  nodes: [
    { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } },
    {
      id: 'n2',
      type: 'create_task',
      position: { x: 0, y: 120 },
      config: { title: 'Gọi khách mới', assignee: { field: 'owner_id' }, workApp: { projectId: 'p-kd' } },
    },
  ],
  edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
};

describe('work app', { timeout: 60_000 }, () => {
  let h: Harness;
  let app: Awaited<ReturnType<typeof startWorkApp>>;
  beforeAll(async () => {
    h = await startHarness();
    app = await startWorkApp({ credentials: { apiKey: 'key-1', apiSecret: 'secret-1' } });
    await h.database.db
      .update(organizations)
      .set({ settings: { allowPrivateNetwork: true } })
      .where(eq(organizations.id, h.org.id));
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  it('a task step synced to a work app the organization lacks is a problem naming where to add one', async () => {
    const workflow = await createWorkflowVia(h, { module: 'lead', graph: syncedTaskGraph });
    expect(workflow.validation).toEqual([
      expect.objectContaining({
        path: 'config.workApp.providerId',
        message: expect.stringContaining('Thiết lập'),
      }),
    ]);
  });

  it('lists the app’s projects and groups through our API with signed requests, and tests it', async () => {
    const created = await h.call('POST', '/api/providers', {
      kind: 'workapp',
      adapter: 'http',
      name: 'AMIS Công việc',
      config: { baseUrl: app.url },
      secrets: { apiKey: 'key-1', apiSecret: 'secret-1' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const member = await h.addUser({ role: 'member' });
    const projects = await h.call('GET', `/api/providers/${id}/projects`, undefined, member.headers);
    expect(projects.json()).toEqual({
      items: [
        { id: 'p-kd', name: 'Kinh doanh' },
        { id: 'p-cskh', name: 'Chăm sóc khách hàng' },
      ],
    });
    const groups = await h.call('GET', `/api/providers/${id}/projects/p-kd/groups`);
    expect(groups.json().items.map((g: { name: string }) => g.name)).toEqual(['Việc cần làm', 'Đang làm']);
    const request = app.requests.find((r) => r.path === '/projects');
    expect(request?.headers).toMatchObject({
      'x-api-key': 'key-1',
      'x-signature': expect.stringMatching(/^sha256=/),
    });

    const tested = await h.call('POST', `/api/providers/${id}/test`, {});
    expect(tested.json()).toMatchObject({
      status: 'sent',
      answer: {
        projects: [
          {
            id: 'p-kd',
            name: 'Kinh doanh',
            groups: [
              { id: 'p-kd-g1', name: 'Việc cần làm' },
              { id: 'p-kd-g2', name: 'Đang làm' },
            ],
          },
          {
            id: 'p-cskh',
            name: 'Chăm sóc khách hàng',
            groups: [
              { id: 'p-cskh-g1', name: 'Việc cần làm' },
              { id: 'p-cskh-g2', name: 'Đang làm' },
            ],
          },
        ],
      },
    });
    const workflow = await createWorkflowVia(h, {
      module: 'lead',
      name: 'Đồng bộ việc',
      graph: syncedTaskGraph,
    });
    expect(workflow.validation ?? []).toEqual([]);
    const using = await h.call('GET', `/api/providers/${id}/workflows`);
    expect(using.json().items.map((w: { name: string }) => w.name)).toContain('Đồng bộ việc');
  });

  it.each([
    {
      name: 'keys the app refuses: the project list, in plain words',
      app: { credentials: { apiKey: 'key-1', apiSecret: 'secret-1' } },
      secrets: { apiKey: 'key-1', apiSecret: 'sai-khoa' },
      expected: { code: 'auth', answer: { step: 'projects' } },
      asked: ['/projects'],
    },
    {
      name: 'a project whose groups are not a list: names that project',
      app: {
        projects: [
          { id: 'p-kd', name: 'Kinh doanh' },
          { id: 'broken-1', name: 'Kho vận' },
          { id: 'p-ketoan', name: 'Kế toán' },
        ],
      },
      secrets: { apiKey: 'k', apiSecret: 's' },
      expected: {
        code: 'bad_answer',
        answer: { step: 'groups', project: { id: 'broken-1', name: 'Kho vận' } },
      },
      asked: ['/projects', '/projects/p-kd/groups', '/projects/broken-1/groups'],
    },
  ])(
    '"Gửi thử" of a work app says where it stopped: $name',
    async ({ app: options, secrets, expected, asked }) => {
      const other = await startWorkApp(options);
      onTestFinished(() => other.close());
      const created = await h.call('POST', '/api/providers', {
        kind: 'workapp',
        adapter: 'http',
        name: 'Ứng dụng thử',
        config: { baseUrl: other.url },
        secrets,
      });
      const tested = await h.call('POST', `/api/providers/${created.json().id}/test`, {});
      expect(tested.statusCode).toBe(200);
      expect(tested.json()).toMatchObject({ status: 'failed', ...expected });
      expect(other.requests.map((r) => r.path)).toEqual(asked);
    },
  );

  it('reaches an app on a private address only when the organization allows it', async () => {
    // What the organization allows decides here, not the test suites' server-wide switch.
    vi.stubEnv('CRMFLOW_ALLOW_PRIVATE_NETWORK', 'off');
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const setAllowed = async (allowPrivateNetwork: boolean) => {
      await h.database.db
        .update(organizations)
        .set({ settings: { allowPrivateNetwork } })
        .where(eq(organizations.id, h.org.id));
    };
    const created = await h.call('POST', '/api/providers', {
      kind: 'workapp',
      adapter: 'http',
      name: 'Ứng dụng nội bộ',
      config: { baseUrl: app.url },
      secrets: { apiKey: 'key-1', apiSecret: 'secret-1' },
    });
    const id = created.json().id;
    const before = app.requests.length;
    await setAllowed(false);
    onTestFinished(() => setAllowed(true));
    expect((await h.call('POST', `/api/providers/${id}/test`, {})).json()).toMatchObject({
      status: 'failed',
      code: 'private_address',
    });
    const picker = await h.call('GET', `/api/providers/${id}/projects`);
    expect(picker.statusCode).toBe(502);
    expect(picker.json().error.message).toBe(
      'Không lấy được dữ liệu từ nhà cung cấp: địa chỉ nội bộ hoặc riêng tư bị chặn' +
        ' (chi tiết: 127.0.0.1 is not a public address)',
    );
    expect(app.requests.length).toBe(before);

    await setAllowed(true);
    expect((await h.call('POST', `/api/providers/${id}/test`, {})).json().status).toBe('sent');
    expect((await h.call('GET', `/api/providers/${id}/projects/p-kd/groups`)).statusCode).toBe(200);
  });

  it('answers 502 in plain words when the app cannot be reached, and 404 for other kinds', async () => {
    const down = await h.call('POST', '/api/providers', {
      kind: 'workapp',
      adapter: 'http',
      name: 'Ứng dụng đã tắt',
      config: { baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 },
      secrets: { apiKey: 'k', apiSecret: 's' },
    });
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/providers/${down.json().id}/projects`,
      headers: { ...h.headers, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(502);
    expect(res.json().error.message).toMatch(
      /^Could not get the data from the provider: could not connect to the provider \(details: /,
    );
    const sms = await h.call('POST', '/api/providers', { kind: 'sms', adapter: 'capture', name: 'SMS' });
    expect((await h.call('GET', `/api/providers/${sms.json().id}/projects`)).statusCode).toBe(404);
  });

  it('shows where a task was synced, and 404 for a task that was not', async () => {
    const task = await h.call('POST', '/api/records/task', { data: { title: 'Gọi khách' } });
    expect(task.statusCode).toBe(201);
    const url = `/api/tasks/${task.json().id}/work-app`;
    expect((await h.call('GET', url)).statusCode).toBe(404);
    await h.database.db.insert(workAppTasks).values({
      orgId: h.org.id,
      taskId: task.json().id,
      projectId: 'p-kd',
      externalId: 'T-9',
      url: 'https://work.example.vn/tasks/T-9',
    });
    expect((await h.call('GET', url)).json()).toEqual({
      externalId: 'T-9',
      url: 'https://work.example.vn/tasks/T-9',
      projectId: 'p-kd',
      groupId: null,
    });
    const other = await h.addOrganization();
    expect((await h.call('GET', url, undefined, other.admin.headers)).statusCode).toBe(404);
  });
});
