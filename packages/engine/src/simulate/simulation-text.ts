import {
  type ConditionTraceEntry,
  fieldLabel,
  findField,
  formatFieldValue,
  type Locale,
  type ModuleMeta,
  operatorLabels,
  render,
} from '@crmflow/flow';
/** The rules that failed, as `Tình trạng bằng Đã giao hàng (hiện tại: Nháp)`. */
export function failedRulesText(args: {
  trace: readonly ConditionTraceEntry[];
  module: ModuleMeta;
  locale: Locale;
  timeZone: string;
}): string {
  const { module, locale, timeZone } = args;
  const now = render(locale, 'simulation.now');
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
