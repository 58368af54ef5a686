import { type Executor, records } from '@crmflow/db';
import { type FieldMeta, findField, formatFieldValue, type ModuleCatalog } from '@crmflow/flow';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { expandLineRows, type LineValue } from '../../pdf/line-rows.ts';
import { isUuid, type MergeSource } from './merge-source.ts';

const lineField = (key: string, type: FieldMeta['type'], labelVi: string, labelEn: string): FieldMeta => ({
  key,
  labelVi,
  labelEn,
  type,
  options: [],
  refModule: key === 'product_id' ? 'product' : null,
  required: false,
  system: true,
});

/**
 * What a `<tr data-each="lines">` row of a print template may show of each order line:
 * `#line.index` (its number), `#line.product_id` (the product's name), `#line.product_id.<key>`
 * (any product field), `#line.quantity`, `#line.price` and `#line.amount` (quantity × price).
 */
export const printLineFields: readonly FieldMeta[] = [
  lineField('index', 'number', 'STT', 'No.'),
  lineField('product_id', 'reference', 'Hàng hóa', 'Product'),
  lineField('quantity', 'number', 'Số lượng', 'Quantity'),
  lineField('price', 'money', 'Đơn giá', 'Unit price'),
  lineField('amount', 'money', 'Thành tiền', 'Amount'),
];

/** The `#line.…` keys of a template that name nothing, for the check when it is saved. */
export function unknownLineKeys(args: { html: string; catalog: ModuleCatalog }): string[] {
  const used: string[] = [];
  expandLineRows({
    html: args.html,
    lines: [{}],
    format: ({ key }) => {
      used.push(key);
      return '';
    },
  });
  const product = args.catalog.product;
  return [...new Set(used)].filter((key) => {
    const [head = '', tail] = key.split('.');
    if (tail === undefined) return !printLineFields.some((field) => field.key === head);
    return head !== 'product_id' || !findField(product, tail);
  });
}

type Line = Record<string, unknown>;

const linesOf = (value: unknown): Line[] =>
  Array.isArray(value)
    ? value.filter((line): line is Line => line !== null && typeof line === 'object' && !Array.isArray(line))
    : [];

/** The products the lines name, by id, from the organization's live records. */
async function loadProducts(args: {
  db: Executor;
  orgId: string;
  lines: Line[];
}): Promise<Map<string, Record<string, unknown>>> {
  const ids = [...new Set(args.lines.map((line) => line.product_id).filter(isUuid))];
  if (ids.length === 0) return new Map();
  const rows = await args.db
    .select({ id: records.id, data: records.data })
    .from(records)
    .where(
      and(
        eq(records.orgId, args.orgId),
        eq(records.module, 'product'),
        inArray(records.id, ids),
        isNull(records.deletedAt),
      ),
    );
  return new Map(rows.map((row) => [row.id, row.data]));
}

/** The template with each line row repeated for the record's order lines, values formatted. */
export async function expandPrintLines(args: {
  db: Executor;
  orgId: string;
  source: MergeSource;
  html: string;
}): Promise<string> {
  const { source } = args;
  const lines = linesOf(source.record.lines);
  const products = await loadProducts({ db: args.db, orgId: args.orgId, lines });
  const productModule = source.catalog.product;
  const format = (field: FieldMeta | undefined, value: unknown) =>
    field ? formatFieldValue({ field, value, locale: source.locale, timeZone: source.timeZone }) : '';

  return expandLineRows({
    html: args.html,
    lines,
    format: ({ key, line, index }: LineValue) => {
      const [head = '', tail] = key.split('.');
      const product = typeof line.product_id === 'string' ? products.get(line.product_id) : undefined;
      if (head === 'product_id') {
        const field = findField(productModule, tail ?? productModule.titleField);
        return product ? format(field, product[field?.key ?? '']) : '';
      }
      if (tail !== undefined) return '';
      const field = printLineFields.find((candidate) => candidate.key === head);
      if (head === 'index') return String(index + 1);
      if (head === 'amount') {
        const quantity = Number(line.quantity);
        const price = Number(line.price);
        return Number.isFinite(quantity * price) ? format(field, quantity * price) : '';
      }
      return format(field, line[head]);
    },
  });
}
