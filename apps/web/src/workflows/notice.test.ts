import { describe, expect, it } from 'vitest';
import { graphProblems } from './notice.ts';

describe('graphProblems', () => {
  it('reads the sentence of each problem, already in the language the request asked for', () => {
    const details = [
      {
        nodeId: 'n2',
        path: 'config.to',
        code: 'recipients_missing',
        message: "Bước 'Gửi email xác nhận': chưa có người nhận: hãy chọn ít nhất một người nhận.",
      },
      { code: 'action_missing', message: 'The flow has no action yet: add at least one action.' },
      { unexpected: true },
    ];
    expect(graphProblems(details)).toEqual([
      "Bước 'Gửi email xác nhận': chưa có người nhận: hãy chọn ít nhất một người nhận.",
      'The flow has no action yet: add at least one action.',
    ]);
  });

  it.each([null, undefined, 'oops', { message: 'not a list' }])('is empty for %j', (details) => {
    expect(graphProblems(details)).toEqual([]);
  });
});
