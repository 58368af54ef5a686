/** The API client of the list journeys: the demo admin's, with workflow shortcuts. */

import { type ApiClient, apiClient } from './support/api.ts';

export type ApiWorkflow = {
  id: string;
  name: string;
  module: string;
  kind: string;
  status: string;
  priority: number;
};

export type ListsApi = ApiClient & {
  createWorkflow(args: { module: string; name: string; graph: unknown; kind?: string }): Promise<ApiWorkflow>;
  activate(id: string): Promise<number>;
  workflows(
    query: string,
  ): Promise<{ items: ApiWorkflow[]; limits: Record<string, { active: number; max: number }> }>;
};

export async function listsApi(baseUrl: string): Promise<ListsApi> {
  const client = await apiClient(baseUrl);
  const { call } = client;
  return {
    ...client,
    async createWorkflow({ module, name, graph, kind = 'event' }) {
      const res = await call<ApiWorkflow>('/api/workflows', {
        method: 'POST',
        body: { module, kind, name, graph },
      });
      if (res.status !== 201) throw new Error(`create ${name}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async activate(id) {
      return (await call(`/api/workflows/${id}/activate`, { method: 'POST' })).status;
    },
    async workflows(query) {
      const res = await call<Awaited<ReturnType<ListsApi['workflows']>>>(`/api/workflows?${query}`);
      return res.body;
    },
  };
}

/** Notifies the record's owner when a record is created: valid in every module with an owner. */
export function notifyOwnerGraph(message: string) {
  return {
    nodes: [
      { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } },
      {
        id: 'n2',
        type: 'notify',
        position: { x: 0, y: 140 },
        config: { name: 'Báo người phụ trách', to: { fields: ['owner_id'], users: [] }, message },
      },
    ],
    edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
  };
}

/** Emails a fixed address when a contact is created, so the outbox has something to show. */
export function welcomeEmailGraph() {
  return {
    nodes: [
      { id: 'n1', type: 'trigger', position: { x: 0, y: 0 }, config: { on: 'create' } },
      {
        id: 'n2',
        type: 'send_email',
        position: { x: 0, y: 140 },
        config: {
          name: 'Chào mừng khách hàng',
          provider: 'system',
          to: { fields: [], users: [], addresses: ['khachhang@example.com'] },
          subject: 'Chào mừng #name',
          body: '<p>Chào #name,</p><p>Cảm ơn anh/chị đã quan tâm đến sản phẩm của chúng tôi.</p>',
          templateId: null,
          attachment: null,
        },
      },
    ],
    edges: [{ id: 'e1', source: 'n1', target: 'n2' }],
  };
}
