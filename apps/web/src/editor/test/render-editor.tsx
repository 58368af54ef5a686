import { type FlowGraph, type ModuleKey, standardModules, type WorkflowKind } from '@crmflow/flow';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { admin, emailTemplate, providerView } from '../../test/fixtures.ts';
import { type MockRoute, mockApi, ok } from '../../test/mock-api.ts';
import { EditorProvider, useEditorStore } from '../EditorProvider.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import type { EditorStore } from '../store/editor-store.ts';
import { toEditorDoc } from '../store/graph-convert.ts';
import { useLiveValidation } from '../validation/useLiveValidation.ts';
import { useValidationContext } from '../validation/useValidationContext.ts';

/**
 * jsdom has neither ResizeObserver nor DOMMatrix, which React Flow reads; these stand-ins let its
 * components mount. Layout is not measured in jsdom: the canvas proper is tested in Chromium.
 */
export function installFlowShims() {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  class DOMMatrixStub {
    m22 = 1;
  }
  vi.stubGlobal('ResizeObserver', ResizeObserverStub);
  vi.stubGlobal('DOMMatrixReadOnly', DOMMatrixStub);
}

/** The API answers the inspector's pickers need: users, providers, templates; no allocation rules route. */
export function editorApiRoutes(): MockRoute[] {
  return [
    {
      path: '/api/users',
      reply: () =>
        ok({
          items: [
            admin,
            {
              id: 'aaaaaaaa-0000-4000-8000-000000000003',
              email: 'ha@example.com',
              name: 'Lê Thị Hà',
              role: 'member',
              active: true,
              locale: null,
              phone: null,
            },
          ],
        }),
    },
    {
      path: '/api/providers',
      reply: () =>
        ok({
          items: [
            providerView({
              id: '15151515-0000-4000-8000-000000000001',
              kind: 'sms',
              name: 'SMS thử',
              isDefault: true,
            }),
          ],
        }),
    },
    {
      path: '/api/email-templates',
      reply: () =>
        ok({
          items: [
            emailTemplate({
              id: '16161616-0000-4000-8000-000000000001',
              module: 'order',
              name: 'Xác nhận đơn hàng',
              subject: 'Xác nhận #code',
            }),
          ],
        }),
    },
    { path: '/api/sms-templates', reply: () => ok({ items: [] }) },
    { path: '/api/print-templates', reply: () => ok({ items: [] }) },
    { path: '/api/zns-templates', reply: () => ok({ items: [] }) },
  ];
}

/** Hands the editor's store to the test, to assert on configs. */
function CaptureStore({ onStore }: { onStore: (store: EditorStore) => void }) {
  onStore(useEditorStore());
  return null;
}

function Validated({ module, children }: { module: ModuleKey; children: ReactNode }) {
  useLiveValidation(useValidationContext(module));
  return <>{children}</>;
}

export const trigger = (
  config: Record<string, unknown> = { on: 'update', fields: ['status'], match: 'any', repeat: true },
) => ({
  id: 'n1',
  type: 'trigger',
  position: { x: 0, y: 0 },
  config,
});

/**
 * Renders the inspector of one editor around `graph`, with live validation, the node `select`
 * selected, against the mocked API. Returns the editor's stores to assert on the config.
 */
export function renderInspector(args: {
  graph: FlowGraph;
  select?: string;
  kind?: WorkflowKind;
  module?: ModuleKey;
  readOnly?: boolean;
  routes?: MockRoute[];
  /** Parts of the canvas drawn beside the inspector, such as the "Nối tới…" list. */
  beside?: ReactNode;
}) {
  const module = args.module ?? 'order';
  const api = mockApi([...editorApiRoutes(), ...(args.routes ?? [])]);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
  });
  const doc = toEditorDoc(args.graph);
  const initial = {
    ...doc,
    nodes: doc.nodes.map((node) => ({ ...node, selected: node.id === args.select })),
  };
  const handles: { store?: EditorStore } = {};
  const user = userEvent.setup({ delay: null });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <EditorProvider
        scope={{ module: standardModules[module], catalog: standardModules, kind: args.kind ?? 'event' }}
        initial={initial}
        readOnly={args.readOnly ?? false}
      >
        <ReactFlowProvider>
          <Validated module={module}>
            <CaptureStore
              onStore={(store) => {
                handles.store = store;
              }}
            />
            <Inspector />
            {args.beside}
          </Validated>
        </ReactFlowProvider>
      </EditorProvider>
    </QueryClientProvider>,
  );
  const store = handles.store;
  if (!store) throw new Error('The editor store was not captured');
  const configOf = (id: string) => store.getState().nodes.find((node) => node.id === id)?.data.config;
  return { ...view, user, api, store, configOf };
}
