import type { FastifySchemaValidationError } from 'fastify';
import type { Locale } from '../i18n/locale.ts';
import type { ErrorDetail } from './app-error.ts';

type Pair = { vi: string; en: string };

const typeNames: Record<string, Pair> = {
  string: { vi: 'chuỗi ký tự', en: 'text' },
  number: { vi: 'số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'a whole number' },
  boolean: { vi: 'đúng/sai', en: 'true or false' },
  object: { vi: 'đối tượng', en: 'an object' },
  array: { vi: 'danh sách', en: 'a list' },
};

const formats: Record<string, Pair> = {
  email: { vi: 'Địa chỉ email không hợp lệ', en: 'Not a valid email address' },
  uuid: { vi: 'Mã định danh không hợp lệ', en: 'Not a valid id' },
  datetime: { vi: 'Thời điểm không hợp lệ (ISO 8601)', en: 'Not a valid ISO 8601 date and time' },
  regex: { vi: 'Sai định dạng', en: 'Wrong format' },
};

const param = (issue: FastifySchemaValidationError, name: string): unknown => Reflect.get(issue.params, name);
const text = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : String(value));

function describeIssue(issue: FastifySchemaValidationError): Pair {
  switch (issue.keyword) {
    case 'invalid_type': {
      if (/received undefined/.test(issue.message ?? '')) return { vi: 'Bắt buộc nhập', en: 'Required' };
      const name = typeNames[text(param(issue, 'expected'))] ?? { vi: 'giá trị hợp lệ', en: 'a valid value' };
      return { vi: `Phải là ${name.vi}`, en: `Must be ${name.en}` };
    }
    case 'too_small': {
      const min = text(param(issue, 'minimum'));
      const origin = param(issue, 'origin');
      if (origin === 'string') {
        return min === '1'
          ? { vi: 'Bắt buộc nhập', en: 'Required' }
          : { vi: `Ít nhất ${min} ký tự`, en: `At least ${min} characters` };
      }
      if (origin === 'array') return { vi: `Ít nhất ${min} phần tử`, en: `At least ${min} items` };
      return { vi: `Không được nhỏ hơn ${min}`, en: `Must be at least ${min}` };
    }
    case 'too_big': {
      const max = text(param(issue, 'maximum'));
      const origin = param(issue, 'origin');
      if (origin === 'string') return { vi: `Tối đa ${max} ký tự`, en: `At most ${max} characters` };
      if (origin === 'array') return { vi: `Tối đa ${max} phần tử`, en: `At most ${max} items` };
      return { vi: `Không được lớn hơn ${max}`, en: `Must be at most ${max}` };
    }
    case 'invalid_format':
      return formats[text(param(issue, 'format'))] ?? { vi: 'Sai định dạng', en: 'Wrong format' };
    case 'invalid_value': {
      const values = text(param(issue, 'values'));
      return { vi: `Phải là một trong: ${values}`, en: `Must be one of: ${values}` };
    }
    case 'unrecognized_keys':
      return { vi: 'Trường không được hỗ trợ', en: 'Not a supported field' };
    default:
      return { vi: 'Giá trị không hợp lệ', en: 'Not a valid value' };
  }
}

function fieldOf(issue: FastifySchemaValidationError, context: string): string[] {
  const path = issue.instancePath.split('/').filter(Boolean).join('.');
  if (issue.keyword === 'unrecognized_keys') {
    const keys = param(issue, 'keys');
    if (Array.isArray(keys)) return keys.map((key) => (path ? `${path}.${String(key)}` : String(key)));
  }
  return [path || context];
}

/** Request validation failures as `[{ field, message }]`, one per field, in the caller's language. */
export function validationDetails(args: {
  issues: readonly FastifySchemaValidationError[];
  context: string;
  locale: Locale;
}): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of args.issues) {
    const message = describeIssue(issue)[args.locale];
    for (const field of fieldOf(issue, args.context)) {
      if (!details.some((detail) => detail.field === field)) details.push({ field, message });
    }
  }
  return details;
}
