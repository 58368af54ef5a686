import type { CrmRecord } from '../api/records.ts';
import { refKey, useRecordTitles } from '../api/records.ts';
import { readLines } from './form-values.ts';

/**
 * Titles of the records a record points to, by id: its references from the `related` map the API
 * returns, and the products of its order lines (fetched, since `related` covers reference fields only).
 */
export function useKnownTitles(record: CrmRecord | undefined): Map<string, string> {
  const productIds = readLines(record?.data.lines)
    .map((line) => line.product_id)
    .filter((id): id is string => Boolean(id));
  const products = useRecordTitles(productIds.map((id) => ({ module: 'product', id })));
  const related = record?.related;
  const titles = new Map<string, string>();
  for (const ref of Object.values(related ?? {})) {
    if (ref?.title) titles.set(ref.id, ref.title);
  }
  for (const id of productIds) {
    const title = products.get(refKey({ module: 'product', id }));
    if (title) titles.set(id, title);
  }
  return titles;
}
