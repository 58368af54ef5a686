import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as contracts from './index.ts';

const id = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = '2026-12-07T09:00:00.000Z';

const record = {
  id: id(1),
  module: 'order',
  title: 'DH-0001',
  data: { code: 'DH-0001', total: 2500000 },
  ownerId: id(2),
  externalId: null,
  version: 3,
  createdAt: at,
  updatedAt: at,
  createdBy: id(2),
  updatedBy: null,
};

/** A sample the server sends, for each response: it must read back unchanged from its JSON. */
const samples: [string, z.ZodType, unknown][] = [
  ['ErrorBody', contracts.ErrorBody, { error: { code: 'not_found', message: 'Không tìm thấy' } }],
  ['RecordView', contracts.RecordView, record],
  [
    'RecordDetail',
    contracts.RecordDetail,
    {
      ...record,
      related: { account_id: { id: id(3), title: 'Ánh Dương' }, contact_id: null },
      attachments: [{ id: id(4), name: 'phieu.pdf', contentType: 'application/pdf', size: 1024, url: '/x' }],
    },
  ],
  [
    'RecordPage',
    contracts.RecordPage,
    { items: [{ ...record, related: {} }], total: 1, page: 1, pageSize: 20 },
  ],
  [
    'ImportResult',
    contracts.ImportResult,
    { created: 1, updated: 0, failed: [{ index: 1, error: { code: 'validation_failed', message: 'Sai' } }] },
  ],
  ['OrderActivity', contracts.OrderActivity, { careCards: [], revenue: [] }],
  [
    'Me',
    contracts.Me,
    {
      user: {
        id: id(2),
        email: 'lan@example.vn',
        name: 'Lan',
        role: 'member',
        active: true,
        locale: null,
        phone: null,
      },
      organization: {
        id: id(5),
        name: 'Minh Phát',
        timeZone: 'Asia/Ho_Chi_Minh',
        locale: 'vi',
        settings: {},
      },
    },
  ],
  [
    'OutboxPage',
    contracts.OutboxPage,
    {
      items: [
        {
          id: id(6),
          channel: 'email',
          recipient: 'lan@example.vn',
          subject: 'Xác nhận',
          body: '<p>Chào</p>',
          status: 'captured',
          attempts: 1,
          error: null,
          runId: null,
          nodeId: 'n1',
          createdAt: at,
          sentAt: null,
          attachments: [{ name: 'a.pdf', contentType: 'application/pdf', size: 10 }],
        },
      ],
      total: 1,
    },
  ],
  [
    'CarePreview',
    contracts.CarePreview,
    {
      today: {
        date: '2026-12-07',
        total: 1,
        records: [{ id: id(1), title: 'Lan', occurrence: '1990-12-07', fireDate: '2026-12-07' }],
      },
      thisWeek: { from: '2026-12-07', to: '2026-12-13', total: 0, records: [] },
      nextRuns: [{ date: '2026-12-08', total: 2 }],
    },
  ],
  [
    'ProviderList',
    contracts.ProviderList,
    {
      items: [
        {
          id: id(7),
          kind: 'sms',
          adapter: 'capture',
          name: 'SMS thử',
          config: {},
          hasSecrets: false,
          isDefault: true,
          createdAt: at,
          updatedAt: at,
        },
      ],
    },
  ],
  [
    'NotificationList',
    contracts.NotificationList,
    {
      items: [{ id: id(8), message: 'Đơn DH-0001 đã giao', link: null, readAt: null, createdAt: at }],
      unread: 1,
    },
  ],
  [
    'RunPage',
    contracts.RunPage,
    {
      items: [
        {
          id: id(9),
          workflowId: id(10),
          workflowName: 'Xác nhận đơn hàng',
          workflowVersionId: id(11),
          workflowVersion: 1,
          module: 'order',
          recordId: id(1),
          recordTitle: 'DH-0001',
          status: 'succeeded',
          reason: null,
          depth: 0,
          cause: {},
          occurrence: null,
          createdAt: at,
          startedAt: at,
          finishedAt: at,
        },
      ],
      total: 1,
    },
  ],
];

describe('API contracts', () => {
  it.each(samples)('%s reads back a sample the server sends', (_name, schema, sample) => {
    expect(schema.parse(JSON.parse(JSON.stringify(sample)))).toEqual(sample);
  });

  it.each(samples.filter(([name]) => name !== 'ErrorBody'))(
    '%s says what it is (for the OpenAPI document)',
    (_name, schema) => {
      expect(schema.description).toBeTruthy();
    },
  );

  it('refuses what the server would never send: an attachment without its size', () => {
    const detail = samples.find(([name]) => name === 'RecordDetail')?.[2];
    const broken = {
      ...Object(detail),
      attachments: [{ id: id(4), name: 'a.pdf', contentType: 'application/pdf', url: '/x' }],
    };
    expect(contracts.RecordDetail.safeParse(broken).success).toBe(false);
  });
});
