import type { FlowGraph } from '@crmflow/flow';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { installFlowShims, renderInspector, trigger } from '../test/render-editor.tsx';
import { ConnectMenu } from './ConnectMenu.tsx';

// trigger → condition, Đúng → task; the notification not joined yet.
const graph: FlowGraph = {
  nodes: [
    trigger(),
    { id: 'n2', type: 'condition', position: { x: 0, y: 150 }, config: { mode: 'all' } },
    { id: 'n3', type: 'create_task', position: { x: -170, y: 300 }, config: { title: 'Gọi khách' } },
    { id: 'n4', type: 'notify', position: { x: 170, y: 300 }, config: {} },
  ],
  edges: [
    { id: 'e1', source: 'n1', target: 'n2' },
    { id: 'e2', source: 'n2', sourceHandle: 'true', target: 'n3' },
  ],
};

const joined = (edges: { source: string; target: string; sourceHandle?: string | null }[]) =>
  edges.map((edge) => `${edge.source}${edge.sourceHandle ? `:${edge.sourceHandle}` : ''}>${edge.target}`);

beforeEach(() => {
  installFlowShims();
});

describe('"Nối tới…" from the inspector', () => {
  it('lists what a valid edge allows, moves with the arrows, joins with Enter, one undoable step', async () => {
    const { user, store } = renderInspector({ graph, select: 'n2', beside: <ConnectMenu /> });
    const open = screen.getByRole('button', { name: 'Nối tới…' });
    await user.click(open);

    const menu = screen.getByRole('dialog', { name: 'Nối "Điều kiện" tới…' });
    const options = within(menu).getAllByRole('button', { name: /Thông báo/ });
    expect(options.map((option) => option.textContent)).toEqual([
      expect.stringMatching(/^Nhánh Đúng →Thông báo/),
      expect.stringMatching(/^Nhánh Sai →Thông báo/),
    ]);
    expect(options[0]).toHaveFocus();

    await user.keyboard('{ArrowDown}');
    expect(options[1]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(joined(store.getState().edges)).toEqual(['n1>n2', 'n2:true>n3', 'n2:false>n4']);
    expect(open).toHaveFocus();

    store.getState().undo();
    expect(joined(store.getState().edges)).toEqual(['n1>n2', 'n2:true>n3']);
    store.getState().redo();
    expect(joined(store.getState().edges)).toEqual(['n1>n2', 'n2:true>n3', 'n2:false>n4']);
  });

  it('closes with Escape, joins nothing and gives the focus back', async () => {
    const { user, store } = renderInspector({ graph, select: 'n3', beside: <ConnectMenu /> });
    const open = screen.getByRole('button', { name: 'Nối tới…' });
    await user.click(open);
    const menu = screen.getByRole('dialog', { name: 'Nối "Giao nhiệm vụ" tới…' });
    expect(within(menu).getAllByRole('listitem')).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().edges).toHaveLength(2);
    expect(open).toHaveFocus();
  });

  it('says so when nothing can follow the step', async () => {
    const { user } = renderInspector({
      graph: { nodes: [trigger()], edges: [] },
      select: 'n1',
      beside: <ConnectMenu />,
    });
    await user.click(screen.getByRole('button', { name: 'Nối tới…' }));
    const menu = screen.getByRole('dialog', { name: 'Nối "Khi nào" tới…' });
    expect(within(menu).queryByRole('list')).toBeNull();
    expect(menu.textContent).toContain('Không còn bước nào có thể nối tới');
    expect(within(menu).getByRole('button', { name: 'Đóng' })).toHaveFocus();
  });
});
