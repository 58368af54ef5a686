import type { Database } from '@crmflow/db';

/** The three workflows the chaos load keeps busy, by what they do. */
export type ChaosWorkflows = { update: string; email: string; task: string };

export type ChaosWorkload = {
  token: string;
  orgId: string;
  adminId: string;
  workflows: ChaosWorkflows;
  contactIds: string[];
  /** The SMTP provider's sender: Message-IDs are derived from it. */
  fromAddress: string;
};

const FROM = 'cskh@hoasen.example.vn';

/** A small client for the API: JSON in and out, anything but 2xx throws with the answer. */
export function apiCall(baseUrl: string, token?: string) {
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

export const node = (id: string, type: string, y: number, config: unknown) => ({
  id,
  type,
  position: { x: 0, y },
  config,
});

/** Fires on each edit of a contact's phone number (`repeat: false`: the first one only). */
export const phoneTrigger = (repeat = true) =>
  node('t', 'trigger', 0, { on: 'update', fields: ['phone'], match: 'any', repeat });
/** Every chaos workflow fires on each edit of a contact's phone number. */
const trigger = phoneTrigger();

/** The new number copied to the contact's title, then the owner notified of it. */
export const copyPhoneAndNotify = (repeat = true) => ({
  nodes: [
    phoneTrigger(repeat),
    node('u', 'update_fields', 120, {
      name: 'Ghi số mới vào chức danh',
      target: 'self',
      values: [{ field: 'title', value: { from: 'phone' } }],
    }),
    node('n', 'notify', 240, {
      name: 'Báo người phụ trách',
      to: { fields: ['owner_id'], users: [] },
      message: '#name đổi số điện thoại: #phone',
    }),
  ],
  edges: [
    { id: 'e1', source: 't', target: 'u' },
    { id: 'e2', source: 'u', target: 'n' },
  ],
});

/**
 * (a) the new number is copied to the contact's title (`update_fields`, a change on each edit)
 * and the owner is notified; (b) the contact gets an email through the SMTP provider; (c) the
 * owner gets a call task.
 */
export function chaosGraphs(args: { providerId: string }) {
  return {
    update: {
      name: 'Số điện thoại đổi: ghi lại và báo người phụ trách',
      graph: copyPhoneAndNotify(),
    },
    email: {
      name: 'Số điện thoại đổi: gửi email xác nhận',
      graph: {
        nodes: [
          trigger,
          node('m', 'send_email', 120, {
            name: 'Gửi email xác nhận',
            provider: args.providerId,
            to: { fields: ['email'], users: [], addresses: [] },
            subject: 'Xác nhận số điện thoại #phone',
            body: '<p>Chào #name, số điện thoại mới của bạn là #phone.</p>',
          }),
        ],
        edges: [{ id: 'e1', source: 't', target: 'm' }],
      },
    },
    task: {
      name: 'Số điện thoại đổi: giao việc gọi xác nhận',
      graph: {
        nodes: [
          trigger,
          node('k', 'create_task', 120, {
            name: 'Gọi xác nhận',
            title: 'Gọi #name xác nhận số #phone',
            assignee: { field: 'owner_id' },
          }),
        ],
        edges: [{ id: 'e1', source: 't', target: 'k' }],
      },
    },
  };
}

/**
 * Signs up an organization through the API, lets it reach the local SMTP server (its own
 * `allowPrivateNetwork` setting), adds that server as an SMTP provider, creates and activates the
 * three workflows and inserts `contacts` contacts owned by the admin, each with an address.
 */
export async function setUpChaosWorkload(args: {
  apiUrl: string;
  database: Database;
  smtpPort: number;
  contacts: number;
  /** The provider's time-out; its claim on a message lasts six times as long. */
  smtpTimeoutMs: number;
}): Promise<ChaosWorkload> {
  const signedIn = await apiCall(args.apiUrl)<{
    token: string;
    user: { id: string };
    organization: { id: string };
  }>('POST', '/api/auth/signup', {
    organizationName: 'Công ty Thử Sức Chịu Đựng',
    name: 'Quản trị Thử Sức',
    email: 'admin@chaos.example.vn',
    password: 'mat-khau-thu-suc',
  });
  const call = apiCall(args.apiUrl, signedIn.token);
  await call('PATCH', '/api/organization', { allowPrivateNetwork: true });
  const provider = await call<{ id: string }>('POST', '/api/providers', {
    kind: 'email',
    adapter: 'smtp',
    name: 'Máy chủ thư nội bộ',
    config: { host: '127.0.0.1', port: args.smtpPort, fromAddress: FROM, timeoutMs: args.smtpTimeoutMs },
  });
  const graphs = chaosGraphs({ providerId: provider.id });
  const ids: Partial<ChaosWorkflows> = {};
  for (const key of ['update', 'email', 'task'] as const) {
    const created = await call<{ id: string }>('POST', '/api/workflows', {
      module: 'contact',
      kind: 'event',
      ...graphs[key],
    });
    await call('POST', `/api/workflows/${created.id}/activate`);
    ids[key] = created.id;
  }
  const orgId = signedIn.organization.id;
  const adminId = signedIn.user.id;
  const rows = await args.database.sql<{ id: string }[]>`
    insert into records (org_id, module, owner_id, data)
    select ${orgId}::uuid, 'contact', ${adminId}::uuid, jsonb_build_object(
      'name', 'Khách ' || g,
      'email', 'khach-' || g || '@khach.example.vn',
      'phone', '0800000000',
      'owner_id', ${adminId}::text)
    from generate_series(1, ${args.contacts}::int) g
    returning id`;
  await args.database.sql`analyze records`;
  return {
    token: signedIn.token,
    orgId,
    adminId,
    workflows: { update: ids.update ?? '', email: ids.email ?? '', task: ids.task ?? '' },
    contactIds: rows.map((row) => row.id),
    fromAddress: FROM,
  };
}
