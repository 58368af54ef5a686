import { createHash } from 'node:crypto';
import { standardModules } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { type RecipientReport, stepResultOf } from './delivery-outcome.ts';
import type { MergeSource } from './merge-source.ts';
import { unknownLineKeys } from './print-lines.ts';
import { printFileName } from './print-render.ts';
import { resolveRecipients } from './recipients.ts';
import { secretKeyFromText } from './secret-key.ts';

const HEX = 'ab'.repeat(32);

describe('secretKeyFromText', () => {
  it.each([
    ['64 hex digits, as a fresh install writes them', HEX, Buffer.from(HEX, 'hex')],
    [
      'any other text, hashed',
      'mot-cau-bi-mat-du-dai',
      createHash('sha256').update('mot-cau-bi-mat-du-dai').digest(),
    ],
    [
      'the same text with spaces around',
      '  mot-cau-bi-mat-du-dai \n',
      createHash('sha256').update('mot-cau-bi-mat-du-dai').digest(),
    ],
  ])('derives 32 bytes from %s', (_name, text, expected) => {
    expect(secretKeyFromText(text).equals(expected)).toBe(true);
  });
});

describe('printFileName', () => {
  it.each([
    ['Phiếu xác nhận', 'ĐH-0001', 'pdf', 'Phiếu xác nhận - ĐH-0001.pdf'],
    ['Báo giá / Quote', 'BG:01?', 'original', 'Báo giá Quote - BG 01.html'],
    ['Hợp đồng', '', 'pdf', 'Hợp đồng.pdf'],
    ['', '', 'pdf', 'document.pdf'],
  ] as const)('names %s for %s as a %s file', (templateName, recordTitle, format, expected) => {
    expect(printFileName({ templateName, recordTitle, format })).toBe(expected);
  });
});

describe('unknownLineKeys', () => {
  const row = (cells: string) => `<table><tr data-each="lines">${cells}</tr></table>`;
  it.each([
    [
      row(
        '<td>#line.index</td><td>#line.product_id</td><td>#line.quantity</td><td>#line.price</td><td>#line.amount</td>',
      ),
      [],
    ],
    [row('<td>#line.product_id.code</td><td>#line.product_id.category</td>'), []],
    [
      row('<td>#line.weight</td><td>#line.product_id.colour</td><td>#line.quantity.x</td>'),
      ['weight', 'product_id.colour', 'quantity.x'],
    ],
    [`<p>#line.weight outside a line row is an ordinary merge field</p>${row('<td>##line.weight</td>')}`, []],
  ])('finds the unknown line keys of %s', (html, expected) => {
    expect(unknownLineKeys({ html, catalog: standardModules })).toEqual(expected);
  });
});

const people = new Map([
  ['u1', { id: 'u1', name: 'Trần Bình', email: 'binh@hoasen.vn', phone: '0987 654 321', active: true }],
  ['u2', { id: 'u2', name: 'Phạm Dung', email: 'dung@hoasen.vn', phone: '0911 222 333', active: false }],
  ['u3', { id: 'u3', name: 'Lê Cường', email: 'cuong@hoasen.vn', phone: null, active: true }],
]);

const source: MergeSource = {
  module: standardModules.contact,
  catalog: standardModules,
  locale: 'vi',
  timeZone: 'Asia/Ho_Chi_Minh',
  record: { name: 'Hoa', email: 'HOA@example.vn', phone: '0912.345.678', owner_id: 'u1', account_id: 'a1' },
  related: {
    account_id: { name: 'Công ty Sen', email: 'lienhe@sen.vn', phone: '028 3823 4567', owner_id: 'u3' },
  },
  people,
};

describe('resolveRecipients', () => {
  it.each([
    [
      'email fields, user fields and a related record’s',
      'email',
      { fields: ['email', 'owner_id', 'account_id.email'], users: [] },
      ['HOA@example.vn', 'binh@hoasen.vn', 'lienhe@sen.vn'],
      [],
    ],
    [
      'chosen users, leaving out inactive ones and repeats',
      'email',
      { fields: ['owner_id'], users: ['u1', 'u2', 'u3'], addresses: ['hoa@example.vn'] },
      ['binh@hoasen.vn', 'cuong@hoasen.vn', 'hoa@example.vn'],
      [],
    ],
    [
      'phones normalised, a landline and a user without a phone reported',
      'phone',
      { fields: ['phone', 'account_id.phone', 'account_id.owner_id'], users: ['u1'] },
      ['+84912345678', '+84987654321'],
      ['Số máy bàn không nhận được tin nhắn', 'Chưa có số điện thoại'],
    ],
    ['a field the module does not have, ignored', 'phone', { fields: ['fax'], users: [] }, [], []],
  ] as const)('resolves %s', (_name, channel, to, expected, problems) => {
    const resolved = resolveRecipients({ source, channel, to });
    expect(resolved.destinations.map((d) => d.to)).toEqual(expected);
    expect(resolved.unreachable.map((u) => u.reason.vi)).toEqual(problems);
  });
});

describe('stepResultOf', () => {
  const now = new Date('2025-06-01T01:00:00Z');
  const scope = { org: { locale: 'vi' as const }, now };
  const report = (
    status: RecipientReport['status'],
    extra: Partial<RecipientReport> = {},
  ): RecipientReport => ({
    to: `${status}@example.vn`,
    source: 'email',
    status,
    ...extra,
  });
  it.each([
    ['all delivered', [report('sent'), report('already_sent')], { status: 'succeeded' }],
    [
      'one delivered, one refused for good',
      [report('sent'), report('failed', { retryable: false })],
      { status: 'succeeded' },
    ],
    ['one delivered, one unreachable', [report('captured'), report('unreachable')], { status: 'succeeded' }],
    [
      'nobody to send to',
      [],
      { status: 'succeeded', output: { note: 'Không có người nhận: không gửi tin nào.' } },
    ],
    [
      'a failure that may pass',
      [report('sent'), report('failed', { retryable: true })],
      { status: 'failed', retryable: true },
    ],
    [
      'only refusals',
      [report('failed', { retryable: false }), report('unreachable')],
      { status: 'failed', retryable: false },
    ],
    [
      'another worker still sending',
      [
        report('in_progress', { leaseUntil: '2025-06-01T01:05:00.000Z' }),
        report('failed', { retryable: true }),
      ],
      { status: 'waiting', until: new Date('2025-06-01T01:05:01.000Z') },
    ],
  ] as const)('maps %s', (_name, reports, expected) => {
    expect(stepResultOf({ scope, channel: 'email', reports, output: {} })).toMatchObject(expected);
  });
});
