import { describe, expect, it } from 'vitest';
import { graphProblems } from './notice.ts';

describe('graphProblems', () => {
  const details = [
    {
      nodeId: 'n2',
      code: 'required',
      message: 'Gửi Email thông báo (n2): chưa có người nhận.',
      messageEn: 'Send email (n2): no recipient.',
    },
    { code: 'unreachable', message: 'Giao nhiệm vụ (n3) không nối với Khi nào.' },
    { unexpected: true },
  ];

  it.each([
    {
      locale: 'vi' as const,
      expected: [
        'Gửi Email thông báo (n2): chưa có người nhận.',
        'Giao nhiệm vụ (n3) không nối với Khi nào.',
      ],
    },
    {
      locale: 'en' as const,
      expected: ['Send email (n2): no recipient.', 'Giao nhiệm vụ (n3) không nối với Khi nào.'],
    },
  ])('reads the messages in $locale, falling back to Vietnamese', ({ locale, expected }) => {
    expect(graphProblems(details, locale)).toEqual(expected);
  });

  it.each([null, undefined, 'oops', { message: 'not a list' }])('is empty for %j', (details) => {
    expect(graphProblems(details, 'vi')).toEqual([]);
  });
});
