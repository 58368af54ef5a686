import type { ValidationError } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { errorIsAt, inStep, messageOf } from './form-errors.tsx';

const error = (path?: string): ValidationError => ({
  nodeId: 'n3',
  code: 'required',
  message: {
    vi: "Bước 'Gọi khách': chưa nhập tiêu đề nhiệm vụ.",
    en: "Step 'Gọi khách': enter the task title.",
  },
  problem: { vi: 'Chưa nhập tiêu đề nhiệm vụ.', en: 'Enter the task title.' },
  ...(path ? { path } : {}),
});

describe('form errors', () => {
  it.each([
    ['vi' as const, "Bước 'Gọi khách': chưa nhập tiêu đề nhiệm vụ.", 'Chưa nhập tiêu đề nhiệm vụ.'],
    ['en' as const, "Step 'Gọi khách': enter the task title.", 'Enter the task title.'],
  ])('in %s, lists name the step and the inspector does not', (locale, listed, beside) => {
    expect(messageOf(error(), locale)).toBe(listed);
    expect(inStep(error(), locale)).toBe(beside);
  });

  it.each([
    ['config.values.0.field', 'values.0', true],
    ['config.values.0', 'values.0', true],
    ['config.values.10.field', 'values.1', false],
    ['config.to', 'to.fields', false],
    [undefined, 'title', false],
  ])('an error at %s belongs to the control at %s: %s', (path, control, expected) => {
    expect(errorIsAt(error(path), control)).toBe(expected);
  });
});
