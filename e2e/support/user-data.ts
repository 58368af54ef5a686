import type { ApiClient } from './api.ts';

/** Every string inside a JSON value, however deep. */
function stringsIn(value: unknown, into: Set<string>) {
  if (typeof value === 'string') {
    into.add(value.trim());
    // A formatted text (an email's HTML) shows as the pieces between its tags.
    for (const piece of value.replaceAll('&nbsp;', ' ').split(/<[^>]*>|\n+/)) into.add(piece.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) stringsIn(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) stringsIn(item, into);
  }
}

/** What the organization itself wrote: lists whose every string is its own data. */
const dataLists = [
  '/api/users',
  '/api/providers',
  '/api/allocation-rules',
  '/api/email-templates',
  '/api/sms-templates',
  '/api/zns-templates',
  '/api/print-templates',
  '/api/tokens',
  '/api/outbox?pageSize=200',
];

type Named = { name: string };
type WorkflowItem = Named & {
  description: string;
  graph: { nodes: { config: Record<string, unknown> }[] };
};
type ModuleItem = { fields: { labelVi: string; labelEn: string; system: boolean }[] };

/**
 * The user data the pages show, read from the API rather than guessed from the page: the
 * organization's and its people's names, its records, the workflows it made with their step
 * texts, its templates, providers and the messages it sent. A product text is never in here, so
 * taking these out of a page leaves exactly what the product itself says.
 */
export async function userDataOf(api: ApiClient, modules: string[]): Promise<Set<string>> {
  const data = new Set<string>();
  const me = await api.get<{ user: Named & { email: string }; organization: Named }>('/api/me');
  data.add(me.user.name);
  data.add(me.user.email);
  data.add(me.organization.name);
  for (const path of dataLists) stringsIn(await api.get(path), data);
  // The list leaves out an email template's body, which its page shows.
  const emails = await api.get<{ items: { id: string }[] }>('/api/email-templates');
  for (const { id } of emails.items) stringsIn(await api.get(`/api/email-templates/${id}`), data);
  for (const module of modules) {
    stringsIn(await api.get(`/api/records/${module}?pageSize=200`), data);
  }
  const custom = await api.get<{ items: ModuleItem[] }>('/api/modules');
  for (const module of custom.items) {
    for (const field of module.fields) if (!field.system) data.add(field.labelEn).add(field.labelVi);
  }
  for (const kind of ['event', 'schedule']) {
    const flows = await api.get<{ items: WorkflowItem[] }>(`/api/workflows?kind=${kind}`);
    for (const flow of flows.items) {
      data.add(flow.name).add(flow.description);
      for (const node of flow.graph.nodes) stringsIn(node.config, data);
    }
  }
  data.delete('');
  return data;
}
