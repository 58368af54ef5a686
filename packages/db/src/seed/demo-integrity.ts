import { standardModules } from '@crmflow/flow';
import type { DemoRecord } from './demo-context.ts';

const isLine = (value: unknown): value is { product_id: unknown; quantity: unknown; price: unknown } =>
  typeof value === 'object' &&
  value !== null &&
  'product_id' in value &&
  'quantity' in value &&
  'price' in value;

/**
 * What the demo promises about its records, as a list of broken promises (empty when sound):
 * only known fields, picklist values from the list, references and order lines that point at
 * records of the right module, owners mirrored in `ownerId`, totals that add up.
 */
export function demoIntegrityProblems(records: readonly DemoRecord[]): string[] {
  const moduleOf = new Map(records.map((record) => [record.id, record.module]));
  const problems: string[] = [];
  for (const record of records) {
    const where = `${record.module} ${record.id}`;
    const fields = standardModules[record.module].fields;
    for (const [key, value] of Object.entries(record.data)) {
      const field = fields.find((candidate) => candidate.key === key);
      if (!field) problems.push(`${where}: unknown field ${key}`);
      else if (field.type === 'picklist' && !field.options.some((option) => option.value === value))
        problems.push(`${where}: ${key} = ${String(value)} is not in the picklist`);
      else if (field.type === 'reference' && moduleOf.get(String(value)) !== field.refModule)
        problems.push(`${where}: ${key} does not point at a ${field.refModule}`);
    }
    if ((record.data.owner_id ?? null) !== record.ownerId)
      problems.push(`${where}: ownerId differs from owner_id`);
    if (record.module === 'order') problems.push(...orderProblems(record, moduleOf));
  }
  return problems;
}

function orderProblems(order: DemoRecord, moduleOf: Map<string, string>): string[] {
  const lines = Array.isArray(order.data.lines) ? order.data.lines : [];
  const problems: string[] = [];
  if (lines.length < 1 || lines.length > 4) problems.push(`order ${order.id}: ${lines.length} lines`);
  let total = 0;
  for (const line of lines) {
    if (!isLine(line) || typeof line.quantity !== 'number' || typeof line.price !== 'number') {
      problems.push(`order ${order.id}: malformed line`);
      continue;
    }
    if (moduleOf.get(String(line.product_id)) !== 'product')
      problems.push(`order ${order.id}: line without product`);
    total += line.quantity * line.price;
  }
  if (order.data.total !== total)
    problems.push(`order ${order.id}: total ${String(order.data.total)} ≠ ${total}`);
  return problems;
}
