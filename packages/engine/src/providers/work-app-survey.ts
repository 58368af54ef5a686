import type { WorkAppClient, WorkAppItem, WorkAppList } from './work-app.provider.ts';

/** At most this many projects get their groups read in one survey; the rest are listed alone. */
export const SURVEY_GROUP_LIMIT = 20;

export type SurveyedProject = WorkAppItem & {
  /** Null for the projects past `SURVEY_GROUP_LIMIT`, whose groups were not asked for. */
  groups: WorkAppItem[] | null;
};

type ListFailure = Extract<WorkAppList, { ok: false }>;

/** Where a survey stopped: at the project list, or at the groups of one project. */
export type SurveyFailure =
  | (ListFailure & { step: 'projects' })
  | (ListFailure & { step: 'groups'; project: WorkAppItem });

export type WorkAppSurvey = { ok: true; projects: SurveyedProject[] } | ({ ok: false } & SurveyFailure);

/**
 * What the task step's pickers will see: the app's projects, then the groups of each, one request
 * after another (the app is a small business's, not ours to flood). The first list it cannot read
 * ends the survey, saying which.
 */
export async function surveyWorkApp(client: WorkAppClient): Promise<WorkAppSurvey> {
  const projects = await client.projects();
  if (!projects.ok) return { ...projects, step: 'projects' };
  const surveyed: SurveyedProject[] = [];
  for (const [index, project] of projects.items.entries()) {
    if (index >= SURVEY_GROUP_LIMIT) {
      surveyed.push({ ...project, groups: null });
      continue;
    }
    const groups = await client.groups(project.id);
    if (!groups.ok) return { ...groups, step: 'groups', project };
    surveyed.push({ ...project, groups: groups.items });
  }
  return { ok: true, projects: surveyed };
}
