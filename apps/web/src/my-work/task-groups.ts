import type { CrmRecord } from '../api/records.ts';

export type TaskGroups = { overdue: CrmRecord[]; today: CrmRecord[]; later: CrmRecord[] };

const dueOf = (task: CrmRecord): string | null => {
  const due = task.data.due_date;
  return typeof due === 'string' && /^\d{4}-\d{2}-\d{2}/.test(due) ? due.slice(0, 10) : null;
};

/**
 * A salesperson's open tasks by when they are due, against today in the organization's time
 * zone: overdue (earliest first), due today, and the rest (dated first, undated last).
 */
export function groupTasks(tasks: readonly CrmRecord[], today: string): TaskGroups {
  const groups: TaskGroups = { overdue: [], today: [], later: [] };
  for (const task of tasks) {
    const due = dueOf(task);
    if (due !== null && due < today) groups.overdue.push(task);
    else if (due === today) groups.today.push(task);
    else groups.later.push(task);
  }
  const byDue = (a: CrmRecord, b: CrmRecord) => (dueOf(a) ?? '9999').localeCompare(dueOf(b) ?? '9999');
  groups.overdue.sort(byDue);
  groups.later.sort(byDue);
  return groups;
}
