import { type ModuleMeta, standardModules } from '@crmflow/flow';
import type { CrmRecord, Me, User } from '../api/schemas.ts';
import { type MockRoute, ok } from './mock-api.ts';

export const admin: User = {
  id: 'u-admin',
  email: 'admin@example.com',
  name: 'Nguyễn Văn An',
  role: 'admin',
  active: true,
  locale: null,
  phone: null,
};

export const member: User = {
  id: 'u-member',
  email: 'lan.tran@example.com',
  name: 'Trần Thị Lan',
  role: 'member',
  active: true,
  locale: 'vi',
  phone: '0901234567',
};

export const organization = {
  id: 'org-1',
  name: 'Công ty TNHH Minh Phát',
  timeZone: 'Asia/Ho_Chi_Minh',
  locale: 'vi',
  settings: {},
};

export const meAs = (user: User): Me => ({ user, organization });

export const moduleList = (): { items: ModuleMeta[] } => ({ items: Object.values(standardModules) });

export function orderRecord(
  overrides: Partial<CrmRecord> & { data?: Record<string, unknown> } = {},
): CrmRecord {
  const { data, ...rest } = overrides;
  return {
    id: 'rec-order-1',
    module: 'order',
    title: 'DH-0001',
    data: {
      code: 'DH-0001',
      account_id: 'rec-account-1',
      contact_id: null,
      order_date: '2025-03-15',
      status: 'delivered',
      total: 2500000,
      lines: [{ product_id: 'rec-product-1', quantity: 2, price: 1250000 }],
      revenue_status: 'none',
      owner_id: member.id,
      ...data,
    },
    ownerId: member.id,
    version: 3,
    createdAt: '2025-03-15T02:00:00.000Z',
    updatedAt: '2025-03-16T09:30:00.000Z',
    createdBy: admin.id,
    updatedBy: member.id,
    ...rest,
  };
}

export const accountRecord: CrmRecord = {
  id: 'rec-account-1',
  module: 'account',
  title: 'Công ty Cổ phần Ánh Dương',
  data: { name: 'Công ty Cổ phần Ánh Dương', industry: 'retail', owner_id: member.id },
  ownerId: member.id,
  version: 1,
  createdAt: '2025-01-02T02:00:00.000Z',
  updatedAt: '2025-01-02T02:00:00.000Z',
  createdBy: admin.id,
  updatedBy: admin.id,
};

export const productRecord: CrmRecord = {
  id: 'rec-product-1',
  module: 'product',
  title: 'Máy lọc nước RO',
  data: { code: 'SP-01', name: 'Máy lọc nước RO', category: 'electronics', price: 1250000 },
  ownerId: null,
  version: 1,
  createdAt: '2025-01-02T02:00:00.000Z',
  updatedAt: '2025-01-02T02:00:00.000Z',
  createdBy: admin.id,
  updatedBy: admin.id,
};

/** The answers every signed-in screen needs: who am I, the modules, the users, a few referenced records. */
export function signedInRoutes(user: User = admin): MockRoute[] {
  return [
    { path: '/api/me', reply: () => ok(meAs(user)) },
    { path: '/api/modules', reply: () => ok(moduleList()) },
    { path: '/api/users', reply: () => ok({ items: [admin, member] }) },
    { path: '/api/records/account/rec-account-1', reply: () => ok(accountRecord) },
    { path: '/api/records/product/rec-product-1', reply: () => ok(productRecord) },
  ];
}
