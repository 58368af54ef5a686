import {
  type ConditionTraceEntry,
  fieldLabel,
  findField,
  formatFieldValue,
  type Locale,
  type ModuleMeta,
  operatorLabels,
  type TriggerConfig,
} from '@crmflow/flow';
import type { Bilingual } from '../runtime/messages.ts';

/** The words of the test panel, in both languages. */
export const simulationText = {
  scheduleTrigger: (): Bilingual => ({
    vi: 'Quy trình chăm sóc: mô phỏng như thể bản ghi đến hạn hôm nay.',
    en: 'Care process: simulated as if the record were due today.',
  }),
  triggerAs: (on: Exclude<TriggerConfig, { dateField: string }>['on']): Bilingual => {
    if (on === 'create')
      return {
        vi: 'Mô phỏng như khi bản ghi vừa được thêm mới.',
        en: 'Simulated as if the record had just been created.',
      };
    if (on === 'delete')
      return { vi: 'Mô phỏng như khi bản ghi bị xóa.', en: 'Simulated as if the record were being deleted.' };
    return {
      vi: 'Mô phỏng một lần sửa bản ghi thay đổi mọi trường (trước khi sửa không có giá trị nào).',
      en: 'Simulated as an edit that changed every field (with no values before it).',
    };
  },
  alreadyFired: (): Bilingual => ({
    vi: 'Lưu ý: quy trình chỉ chạy lần đầu và đã chạy cho bản ghi này; một lần sửa thật sẽ không chạy nữa.',
    en: 'Note: the workflow runs only the first time and already ran for this record; a real edit would not run it again.',
  }),
  notFired: (reason: string): Bilingual => ({
    vi: `Không kích hoạt: ${reason}`,
    en: `Does not fire: ${reason}`,
  }),
  conditionMet: (): Bilingual => ({
    vi: 'Bản ghi thỏa mãn điều kiện.',
    en: 'The record meets the condition.',
  }),
  conditionNotMet: (failed: string): Bilingual => ({
    vi: `Bản ghi không thỏa mãn điều kiện: ${failed}`,
    en: `The record does not meet the condition: ${failed}`,
  }),
  allRecords: (): Bilingual => ({
    vi: 'Áp dụng cho mọi bản ghi của phân hệ.',
    en: 'Applies to every record of the module.',
  }),
  notReached: (): Bilingual => ({ vi: 'Không nằm trên nhánh được chọn.', en: 'Not on the branch taken.' }),
  configInvalid: (): Bilingual => ({
    vi: 'Cấu hình của bước chưa hợp lệ.',
    en: 'The step is not configured correctly.',
  }),
  previewFailed: (detail: string): Bilingual => ({
    vi: `Không xem trước được: ${detail}`,
    en: `Could not preview: ${detail}`,
  }),
  unknownNode: (): Bilingual => ({ vi: 'Loại bước không xác định.', en: 'Unknown kind of step.' }),
  recordsProposed: (amount: string): Bilingual => ({
    vi: `Sẽ ghi doanh số ${amount} vừa được đề nghị ở bước trước.`,
    en: `Would record the ${amount} proposed by the step before.`,
  }),
};

/** The rules that failed, as `Tình trạng bằng Đã giao hàng (hiện tại: Nháp)`. */
export function failedRulesText(args: {
  trace: readonly ConditionTraceEntry[];
  module: ModuleMeta;
  locale: Locale;
  timeZone: string;
}): string {
  const { module, locale, timeZone } = args;
  const now = locale === 'en' ? 'now' : 'hiện tại';
  return args.trace
    .flatMap((entry) => {
      if (entry.kind !== 'rule' || entry.matched) return [];
      const field = findField(module, entry.field);
      const show = (value: unknown) =>
        field ? formatFieldValue({ field, value, locale, timeZone }) || '∅' : String(value ?? '∅');
      const expected =
        entry.expected === undefined
          ? ''
          : ` ${Array.isArray(entry.expected) ? entry.expected.map(show).join(', ') : show(entry.expected)}`;
      const name = field ? fieldLabel(field, locale) : entry.field;
      return [`${name} ${operatorLabels[entry.op][locale]}${expected} (${now}: ${show(entry.actual)})`];
    })
    .join('; ');
}
