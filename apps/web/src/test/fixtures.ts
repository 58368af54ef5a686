import type { AllocationRule, EmailTemplate, Me, ProviderView, RecordDetail, User } from '@crmflow/contracts';
import { type ModuleMeta, standardModules } from '@crmflow/flow';
import { type MockRoute, ok } from './mock-api.ts';

export const admin: User = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  email: 'admin@example.com',
  name: 'Nguyễn Văn An',
  role: 'admin',
  active: true,
  locale: null,
  phone: null,
};

export const member: User = {
  id: 'aaaaaaaa-0000-4000-8000-000000000002',
  email: 'lan.tran@example.com',
  name: 'Trần Thị Lan',
  role: 'member',
  active: true,
  locale: 'vi',
  phone: '0901234567',
};

export const organization = {
  id: 'bbbbbbbb-0000-4000-8000-000000000001',
  name: 'Công ty TNHH Minh Phát',
  timeZone: 'Asia/Ho_Chi_Minh',
  locale: 'vi',
  settings: {},
};

export const meAs = (user: User): Me => ({ user, organization });

export const moduleList = (): { items: ModuleMeta[] } => ({ items: Object.values(standardModules) });

export function orderRecord(
  overrides: Partial<RecordDetail> & { data?: Record<string, unknown> } = {},
): RecordDetail {
  const { data, ...rest } = overrides;
  return {
    id: 'cccccccc-0000-4000-8000-000000000001',
    module: 'order',
    title: 'DH-0001',
    data: {
      code: 'DH-0001',
      account_id: 'dddddddd-0000-4000-8000-000000000001',
      contact_id: null,
      order_date: '2025-03-15',
      status: 'delivered',
      total: 2500000,
      lines: [{ product_id: 'eeeeeeee-0000-4000-8000-000000000001', quantity: 2, price: 1250000 }],
      revenue_status: 'none',
      owner_id: member.id,
      ...data,
    },
    ownerId: member.id,
    externalId: null,
    version: 3,
    createdAt: '2025-03-15T02:00:00.000Z',
    updatedAt: '2025-03-16T09:30:00.000Z',
    createdBy: admin.id,
    updatedBy: member.id,
    related: {},
    attachments: [],
    ...rest,
  };
}

export const accountRecord: RecordDetail = {
  id: 'dddddddd-0000-4000-8000-000000000001',
  module: 'account',
  title: 'Công ty Cổ phần Ánh Dương',
  data: { name: 'Công ty Cổ phần Ánh Dương', industry: 'retail', owner_id: member.id },
  ownerId: member.id,
  externalId: null,
  version: 1,
  createdAt: '2025-01-02T02:00:00.000Z',
  updatedAt: '2025-01-02T02:00:00.000Z',
  createdBy: admin.id,
  updatedBy: admin.id,
  related: {},
  attachments: [],
};

export const productRecord: RecordDetail = {
  id: 'eeeeeeee-0000-4000-8000-000000000001',
  module: 'product',
  title: 'Máy lọc nước RO',
  data: { code: 'SP-01', name: 'Máy lọc nước RO', category: 'electronics', price: 1250000 },
  ownerId: null,
  externalId: null,
  version: 1,
  createdAt: '2025-01-02T02:00:00.000Z',
  updatedAt: '2025-01-02T02:00:00.000Z',
  createdBy: admin.id,
  updatedBy: admin.id,
  related: {},
  attachments: [],
};

/** The answers every signed-in screen needs: who am I, the modules, the users, a few referenced records. */
export function signedInRoutes(user: User = admin): MockRoute[] {
  return [
    { path: '/api/me', reply: () => ok(meAs(user)) },
    { path: '/api/modules', reply: () => ok(moduleList()) },
    { path: '/api/users', reply: () => ok({ items: [admin, member] }) },
    { path: '/api/records/account/dddddddd-0000-4000-8000-000000000001', reply: () => ok(accountRecord) },
    { path: '/api/records/product/eeeeeeee-0000-4000-8000-000000000001', reply: () => ok(productRecord) },
  ];
}

const stamped = { createdAt: '2025-03-01T02:00:00.000Z', updatedAt: '2025-03-01T02:00:00.000Z' };

/** A provider as the API answers it; a test names what it is about. */
export const providerView = (
  fields: Pick<ProviderView, 'id' | 'kind' | 'name'> & Partial<ProviderView>,
): ProviderView => ({
  adapter: 'capture',
  config: {},
  hasSecrets: false,
  isDefault: false,
  ...stamped,
  ...fields,
});

/** An allocation rule as the API answers it. */
export const allocationRule = (
  fields: Pick<AllocationRule, 'id' | 'module' | 'name'> & Partial<AllocationRule>,
): AllocationRule => ({
  userIds: [],
  active: true,
  nextUserId: null,
  createdAt: stamped.createdAt,
  ...fields,
});

/** An email template as the API answers it. */
export const emailTemplate = (
  fields: Pick<EmailTemplate, 'id' | 'module' | 'name'> & Partial<EmailTemplate>,
): EmailTemplate => ({ subject: '', body: '<p></p>', ...stamped, ...fields });
