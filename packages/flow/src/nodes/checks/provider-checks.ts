import type { ConfigIssue } from '../../validate/validation-error.ts';
import { checkKnownId, requiredIssue } from './field-checks.ts';

type Path = (string | number)[];
type Words = { vi: string; en: string };

/** Where an admin adds providers, named as the settings screen names it. */
const whereToAdd: Words = { vi: 'Thiết lập › Nhà cung cấp', en: 'Settings › Providers' };

/** The organization has none of the kind: the step cannot send until an admin adds one. */
export function noProviderIssue(path: Path, what: Words): ConfigIssue {
  return {
    path,
    code: 'required',
    message: `Chưa có ${what.vi} nào để gửi: thêm một ${what.vi} trong ${whereToAdd.vi} rồi chọn ở bước này.`,
    messageEn: `There is no ${what.en} to send with: add one in ${whereToAdd.en}, then choose it in this step.`,
  };
}

/**
 * A step's provider: it must be chosen, and be one of the organization's (`known`; the check is
 * skipped while the list is not known). When the organization has none, the sentence says where
 * to add one rather than only "required".
 */
export function checkChosenProvider(args: {
  ref: string;
  known: readonly string[] | undefined;
  path: Path;
  what: Words;
}): ConfigIssue[] {
  const { ref, known, path, what } = args;
  if (ref === '') return [known?.length === 0 ? noProviderIssue(path, what) : requiredIssue(path, what)];
  return checkKnownId({ known, id: ref, path, code: 'provider_unknown', what });
}
