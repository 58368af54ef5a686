import type { Db } from '@crmflow/db';
import { addDays, isActionNodeType, type ModuleKey, todayIn } from '@crmflow/flow';
import { parseCareGraph } from '../care/care-graph.ts';
import { previewCareRange } from '../care/care-preview.ts';
import type { OrgContext } from '../runtime/org-context.ts';
import { DETAILED_RUNS, type ImpactPreview, type ImpactRun, LISTED_RUNS } from './impact-preview.ts';
import { SimulationError, simulateRun } from './simulate-run.ts';

/**
 * A care process's impact: the runs of the next `days` days from today's data, selected by the
 * scheduler's own query and conditions, and for the first ones each action as the test panel
 * previews it on the record.
 */
export async function previewCareImpact(args: {
  db: Db;
  org: OrgContext;
  workflowId: string;
  module: ModuleKey;
  graph: unknown;
  days: number;
  now: Date;
}): Promise<ImpactPreview> {
  const { db, org, workflowId, module, days, now } = args;
  const parsed = parseCareGraph(args.graph);
  if (!parsed.ok) throw new SimulationError('graph_invalid');
  const today = todayIn(org.timeZone, now);
  const fire = { from: today, to: addDays(today, days - 1) };
  const due = await previewCareRange({
    db,
    org,
    workflowId,
    module,
    graph: parsed.graph,
    now,
    fire,
    cap: LISTED_RUNS,
  });
  const items: ImpactRun[] = [];
  for (const [index, record] of due.records.entries()) {
    let actions: ImpactRun['actions'] = null;
    if (index < DETAILED_RUNS) {
      const simulated = await simulateRun({ db, orgId: org.id, workflowId, recordId: record.id, now });
      actions = simulated.path.flatMap((nodeId) => {
        const node = simulated.nodes[nodeId];
        const type = parsed.graph.nodes.get(nodeId);
        return node && type?.kind === 'action' && isActionNodeType(type.type)
          ? [{ nodeId, type: type.type, ...node }]
          : [];
      });
    }
    items.push({ recordId: record.id, title: record.title, at: record.fireDate, actions });
  }
  return {
    kind: 'schedule',
    days,
    from: fire.from,
    to: fire.to,
    scanned: due.total,
    runs: due.total,
    records: due.total,
    items,
  };
}
