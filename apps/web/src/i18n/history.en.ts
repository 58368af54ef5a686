import type { historyVi } from './history.vi.ts';
import type { Translation } from './vi.ts';

export const historyEn: Pick<Translation, keyof typeof historyVi> = {
  history: {
    title: 'Change history',
    loading: 'Loading history…',
    empty: 'No changes recorded yet.',
    emptyValue: '(empty)',
    by: 'by',
    byRun: 'workflow “{{name}}”',
    deletedWorkflow: 'deleted',
    system: 'the system',
    viaImport: 'import',
    total_one: '{{count}} change',
    total_other: '{{count}} changes',
    operation: { create: 'Created', update: 'Updated', delete: 'Deleted' },
  },
};
