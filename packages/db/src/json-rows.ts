import { type SQL, sql } from 'drizzle-orm';

/**
 * Many rows as one JSON parameter, to read with `json_to_recordset(…) as v(col type, …)`. The
 * statement's text is then the same whatever the number of rows, so Postgres prepares it once per
 * connection instead of parsing and planning a new `values (…), (…)` list for each batch, and the
 * driver sends one parameter instead of one per cell.
 */
export function jsonRows(rows: readonly object[]): SQL {
  return sql`${JSON.stringify(rows)}::json`;
}
