import { describe, expect, it } from 'vitest';
import type { WorkAppClient, WorkAppList } from './work-app.provider.ts';
import { SURVEY_GROUP_LIMIT, surveyWorkApp } from './work-app-survey.ts';

const projectsOf = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `Dự án ${i}` }));
const listed = (items: { id: string; name: string }[]): WorkAppList => ({ ok: true, items });
const refused: WorkAppList = { ok: false, code: 'auth', error: 'HTTP 401' };

/** A client answering from a table; it counts the group lists asked for. */
function clientOf(answers: { projects: WorkAppList; groups: (projectId: string) => WorkAppList }) {
  const asked: string[] = [];
  const client: WorkAppClient = {
    projects: async () => answers.projects,
    groups: async (projectId) => {
      asked.push(projectId);
      return answers.groups(projectId);
    },
    createTask: async () => ({ status: 'failed', code: 'rejected', error: 'not here', retryable: false }),
  };
  return { client, asked };
}

describe('surveyWorkApp', () => {
  it.each<{
    name: string;
    projects: WorkAppList;
    groups: (id: string) => WorkAppList;
    expected: unknown;
    asked: string[];
  }>([
    {
      name: 'every project with its groups',
      projects: listed(projectsOf(2)),
      groups: (id: string): WorkAppList => ({ ok: true, items: [{ id: `${id}-g`, name: 'Việc cần làm' }] }),
      expected: {
        ok: true,
        projects: [
          { id: 'p0', name: 'Dự án 0', groups: [{ id: 'p0-g', name: 'Việc cần làm' }] },
          { id: 'p1', name: 'Dự án 1', groups: [{ id: 'p1-g', name: 'Việc cần làm' }] },
        ],
      },
      asked: ['p0', 'p1'],
    },
    {
      name: 'no projects: nothing more to ask',
      projects: listed([]),
      groups: (): WorkAppList => refused,
      expected: { ok: true, projects: [] },
      asked: [],
    },
    {
      name: 'the project list refused',
      projects: refused,
      groups: (): WorkAppList => refused,
      expected: { ok: false, step: 'projects', code: 'auth', error: 'HTTP 401' },
      asked: [],
    },
    {
      name: 'the groups of the second project unreadable: stops there, naming it',
      projects: listed(projectsOf(3)),
      groups: (id: string): WorkAppList =>
        id === 'p1' ? { ok: false, code: 'bad_answer', error: 'not a list' } : { ok: true, items: [] },
      expected: {
        ok: false,
        step: 'groups',
        project: { id: 'p1', name: 'Dự án 1' },
        code: 'bad_answer',
        error: 'not a list',
      },
      asked: ['p0', 'p1'],
    },
  ])('$name', async ({ projects, groups, expected, asked }) => {
    const fake = clientOf({ projects, groups });
    expect(await surveyWorkApp(fake.client)).toEqual(expected);
    expect(fake.asked).toEqual(asked);
  });

  it('reads the groups of the first projects only, listing the rest without', async () => {
    const fake = clientOf({
      projects: { ok: true, items: projectsOf(SURVEY_GROUP_LIMIT + 2) },
      groups: () => ({ ok: true, items: [] }),
    });
    const survey = await surveyWorkApp(fake.client);
    expect(fake.asked).toHaveLength(SURVEY_GROUP_LIMIT);
    expect(survey.ok && survey.projects.map((p) => p.groups).slice(-3)).toEqual([[], null, null]);
  });
});
