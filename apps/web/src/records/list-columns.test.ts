import { standardModules } from '@crmflow/flow';
import { describe, expect, it } from 'vitest';
import { listColumns } from './list-columns.ts';

describe('listColumns', () => {
  it.each([
    ['order', ['code', 'account_id', 'contact_id', 'order_date', 'status', 'total']],
    ['task', ['title', 'status', 'due_date', 'task_type', 'priority', 'opportunity_id']],
    ['product', ['name', 'code', 'category', 'price']],
  ] as const)('%s shows %j', (module, keys) => {
    expect(listColumns(standardModules[module]).map((field) => field.key)).toEqual(keys);
  });

  it('never shows more columns than asked', () => {
    expect(listColumns(standardModules.account, 2).map((field) => field.key)).toEqual(['name', 'email']);
  });
});
