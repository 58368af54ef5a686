import type { ValidationError } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { errorIsAt, messageOf } from './form-errors.tsx';

const error = (message: string, path?: string): ValidationError => ({
  nodeId: 'n3',
  code: 'required',
  message,
  messageEn: message,
  ...(path ? { path } : {}),
});
const title = { vi: 'Giao nhiệm vụ', en: 'Assign task' };

describe('form errors', () => {
  it.each([
    ['Giao nhiệm vụ (n3): Chưa nhập tiêu đề nhiệm vụ.', 'Chưa nhập tiêu đề nhiệm vụ.'],
    ['Giao nhiệm vụ "Gọi: lại": Chưa nhập mô tả.', 'Chưa nhập mô tả.'],
    ['Quy trình bị lặp vòng: A → B.', 'Quy trình bị lặp vòng: A → B.'],
    ['Giao nhiệm vụ (n3): chưa được nối từ bước "Khi nào".', 'Chưa được nối từ bước "Khi nào".'],
  ])('shows %j beside the field as %j', (message, expected) => {
    expect(messageOf({ error: error(message), locale: 'vi', title })).toBe(expected);
  });

  it.each([
    ['config.values.0.field', 'values.0', true],
    ['config.values.0', 'values.0', true],
    ['config.values.10.field', 'values.1', false],
    ['config.to', 'to.fields', false],
    [undefined, 'title', false],
  ])('an error at %s belongs to the control at %s: %s', (path, control, expected) => {
    expect(errorIsAt(error('x', path), control)).toBe(expected);
  });
});
