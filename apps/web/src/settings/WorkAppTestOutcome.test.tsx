import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TestResult } from '../api/providers.ts';
import { changeLocale } from '../i18n/index.ts';
import { WorkAppTestOutcome } from './WorkAppTestOutcome.tsx';

const projects = [
  {
    id: 'p-kd',
    name: 'Kinh doanh',
    groups: [
      { id: 'g1', name: 'Việc cần làm' },
      { id: 'g2', name: 'Đang làm' },
    ],
  },
  { id: 'p-kho', name: 'Kho vận', groups: [] },
  { id: 'p-xa', name: 'Dự án thứ 21', groups: null },
];

const result = (patch: Partial<TestResult>): TestResult => ({
  status: 'sent',
  outboxId: '66666666-0000-4000-8000-000000000001',
  code: null,
  error: null,
  answer: null,
  ...patch,
});

describe('a work app’s "Gửi thử", in plain words', () => {
  it.each([
    {
      name: 'the projects and each one’s groups',
      locale: 'vi' as const,
      given: result({ answer: { projects, groupLimit: 20 } }),
      role: 'status',
      texts: [
        'Kết nối được. Ứng dụng có 3 dự án:',
        'Nhóm: Việc cần làm, Đang làm',
        'Chưa có nhóm',
        'Chưa đọc nhóm (chỉ đọc 20 dự án đầu)',
      ],
    },
    {
      name: 'an app without projects',
      locale: 'en' as const,
      given: result({ answer: { projects: [], groupLimit: 20 } }),
      role: 'status',
      texts: ['Connected, but the app has no project yet. Create one in the app before syncing tasks.'],
    },
    {
      name: 'keys refused at the project list',
      locale: 'vi' as const,
      given: result({ status: 'failed', code: 'auth', error: 'HTTP 401', answer: { step: 'projects' } }),
      role: 'alert',
      texts: [
        'Không đọc được danh sách dự án. Thông tin đăng nhập nhà cung cấp không đúng.',
        'Chi tiết: HTTP 401',
      ],
    },
    {
      name: 'groups of one project not a list',
      locale: 'en' as const,
      given: result({
        status: 'failed',
        code: 'bad_answer',
        error: 'The answer is not a list of { id, name }',
        answer: { step: 'groups', project: { id: 'p-kho', name: 'Kho vận' } },
      }),
      role: 'alert',
      texts: [
        'The project list was read, but not the groups of the project "Kho vận". The app did not answer with a list of { id, name }.',
      ],
    },
  ])('$name ($locale)', async ({ locale, given, role, texts }) => {
    await changeLocale(locale);
    render(<WorkAppTestOutcome result={given} />);
    const shown = screen.getByRole(role);
    for (const text of texts) expect(shown).toHaveTextContent(text, { normalizeWhitespace: true });
  });
});
