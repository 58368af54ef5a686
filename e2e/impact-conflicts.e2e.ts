import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ListsApi, listsApi } from './lists-api.ts';
import { screenshot } from './support/browser.ts';
import { closeJourney, openJourney } from './support/journey.ts';
import type { RunningServer } from './support/server.ts';

/** On an edit of `watch`, when `when` holds, writes `value` into `field` of the opportunity. */
function writeGraph(args: {
  watch: string;
  field: string;
  label: string;
  value: unknown;
  when?: { field: string; value: string };
}) {
  const trigger = {
    id: 't',
    type: 'trigger',
    position: { x: 0, y: 0 },
    config: { on: 'update', fields: [args.watch] },
  };
  const write = {
    id: 'w',
    type: 'update_fields',
    position: { x: 0, y: 260 },
    config: { name: args.label, values: [{ field: args.field, value: args.value }] },
  };
  if (!args.when) return { nodes: [trigger, write], edges: [{ id: 'e1', source: 't', target: 'w' }] };
  const condition = {
    id: 'c',
    type: 'condition',
    position: { x: 0, y: 130 },
    config: {
      mode: 'criteria',
      logic: 'and',
      rules: [{ field: args.when.field, op: 'changed_to', value: args.when.value }],
    },
  };
  return {
    nodes: [trigger, condition, write],
    edges: [
      { id: 'e1', source: 't', target: 'c' },
      { id: 'e2', source: 'c', target: 'w', sourceHandle: 'true' },
    ],
  };
}

/**
 * Confidence before activation: a flow on opportunities previewed on the record history ("Nếu
 * kích hoạt…": how many runs, on which records) and activated; then a second flow that closes a
 * loop with it, warned about in the editor (with the chain) and in the list.
 */
describe('impact preview and conflicts before activation', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: ListsApi;

  beforeAll(async () => {
    ({ server, browser, page } = await openJourney());
    api = await listsApi(server.baseUrl);
  });

  afterAll(() => closeJourney({ server, browser }));

  it('previews the runs a flow would have started, then activates it', async () => {
    const deal = async (name: string, stages: string[]) => {
      const created = await api.call<{ id: string }>('/api/records/opportunity', {
        method: 'POST',
        body: { data: { name, stage: 'prospecting' } },
      });
      for (const stage of stages)
        await api.call(`/api/records/opportunity/${created.body.id}`, {
          method: 'PATCH',
          body: { data: { stage } },
        });
      return created.body.id;
    };
    await deal('Cơ hội Kho lạnh Bình Dương', ['proposal', 'won']);
    await deal('Cơ hội Phần mềm kế toán', ['won', 'negotiation', 'won']);
    await deal('Cơ hội Bảo trì thang máy', ['lost']);
    const flow = await api.createWorkflow({
      module: 'opportunity',
      name: 'Thắng thì ghi ngày kết thúc',
      graph: writeGraph({
        watch: 'stage',
        field: 'close_date',
        label: 'Ghi ngày kết thúc',
        value: { today: 0 },
        when: { field: 'stage', value: 'won' },
      }),
    });

    await page.goto(`${server.baseUrl}/workflows/${flow.id}`);
    await page.getByTestId('impact-toggle').click();
    const panel = page.getByTestId('impact-panel');
    await expect(panel.getByTestId('impact-summary').textContent()).resolves.toContain(
      'Sẽ chạy 3 lần trên 2 bản ghi',
    );
    const runs = panel.getByTestId('impact-run');
    await expect(runs.count()).resolves.toBe(3);
    await expect(runs.first().getByRole('link').textContent()).resolves.toBe('Cơ hội Phần mềm kế toán');
    await expect(runs.first().getByTestId('impact-action').textContent()).resolves.toContain(
      'Ghi ngày kết thúc',
    );
    await screenshot(page, 'impact-vi');
    // The record the preview links to shows the changes it was replayed on.
    await runs.first().getByRole('link').click();
    const history = page.getByTestId('record-history');
    await history.getByTestId('history-entry').first().waitFor();
    await expect(history.getByTestId('history-entry').count()).resolves.toBe(4);
    await expect(history.getByTestId('history-entry').first().textContent()).resolves.toContain(
      'Giai đoạnĐàm phán → Thành công',
    );
    await screenshot(page, 'record-history-vi');
    await page.goto(`${server.baseUrl}/workflows/${flow.id}`);

    await page.getByRole('button', { name: 'Kích hoạt', exact: true }).click();
    await page.getByText('Đã kích hoạt quy trình.').waitFor();
    expect((await api.get<{ status: string }>(`/api/workflows/${flow.id}`)).status).toBe('active');
    expect((await api.get<{ items: unknown[] }>(`/api/runs?workflowId=${flow.id}`)).items).toEqual([]);
  });

  it('warns of two flows that loop, with the chain, in the editor and in the list', async () => {
    const first = await api.createWorkflow({
      module: 'opportunity',
      name: 'Đổi giá trị thì về đàm phán',
      graph: writeGraph({ watch: 'amount', field: 'stage', label: 'Về đàm phán', value: 'negotiation' }),
    });
    expect(await api.activate(first.id)).toBe(200);
    const second = await api.createWorkflow({
      module: 'opportunity',
      name: 'Đổi giai đoạn thì tính lại giá trị',
      graph: writeGraph({ watch: 'stage', field: 'amount', label: 'Tính lại giá trị', value: 5_000_000 }),
    });

    await page.goto(`${server.baseUrl}/workflows/${second.id}`);
    const warnings = page.getByTestId('conflict-warnings');
    await warnings.getByTestId('conflict-cycle').waitFor();
    await expect(warnings.textContent()).resolves.toContain('Vòng lặp giữa các quy trình');
    const chain = warnings.getByRole('list', { name: 'Chuỗi quy trình' }).getByRole('listitem');
    await expect(chain.allTextContents()).resolves.toEqual([second.name, first.name, second.name]);
    await screenshot(page, 'conflicts-editor-vi');

    await page.goto(`${server.baseUrl}/workflows?module=opportunity`);
    const row = page.getByTestId('workflow-row').filter({ hasText: second.name });
    await expect(row.getByTestId('workflow-conflicts').textContent()).resolves.toContain('cảnh báo');
    await screenshot(page, 'conflicts-list-vi');

    await page.evaluate("localStorage.setItem('crmflow.locale', 'en')");
    await page.goto(`${server.baseUrl}/workflows/${second.id}`);
    await expect(page.getByTestId('conflict-warnings').textContent()).resolves.toContain(
      'A loop between flows',
    );
    await page.getByTestId('impact-toggle').click();
    await page.getByTestId('impact-summary').waitFor();
    await screenshot(page, 'conflicts-impact-en');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'conflicts-impact-en-mobile');
    await page.evaluate("localStorage.setItem('crmflow.locale', 'vi')");
  });
});
