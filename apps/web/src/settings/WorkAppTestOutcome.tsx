import { DeliveryFailureCode, deliveryFailureMessages } from '@crmflow/flow/messaging';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { TestResult } from '../api/providers.ts';
import { useLocale } from '../i18n/useLocale.ts';

const Item = z.object({ id: z.string(), name: z.string() });

/** What a work app's "Gửi thử" answers: its projects with their groups, or where it stopped. */
const Surveyed = z.object({
  projects: z.array(Item.extend({ groups: z.array(Item).nullable() })),
  groupLimit: z.number(),
});
const Stopped = z.union([
  z.object({ step: z.literal('projects') }),
  z.object({ step: z.literal('groups'), project: Item }),
]);

/**
 * A work app's test in plain words: how many projects it has and each one's groups, as the task
 * step's pickers will list them; or which list could not be read, why, and the app's own words.
 */
export function WorkAppTestOutcome({ result }: { result: TestResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (result.status !== 'failed') {
    const surveyed = Surveyed.safeParse(result.answer);
    const projects = surveyed.success ? surveyed.data.projects : [];
    if (projects.length === 0) {
      return (
        <div
          className="alert alert--warning test-result work-app-result"
          role="status"
          data-testid="test-result"
        >
          {t('providers.test.workApp.empty')}
        </div>
      );
    }
    const limit = surveyed.success ? surveyed.data.groupLimit : 0;
    return (
      <div
        className="alert alert--success test-result work-app-result"
        role="status"
        data-testid="test-result"
      >
        <p>{t('providers.test.workApp.connected', { count: projects.length })}</p>
        <ul className="work-app-survey">
          {projects.map((project) => (
            <li key={project.id}>
              <strong>{project.name}</strong>
              <span className="work-app-survey__groups">
                {project.groups === null
                  ? t('providers.test.workApp.groupsNotRead', { limit })
                  : project.groups.length === 0
                    ? t('providers.test.workApp.noGroups')
                    : t('providers.test.workApp.groups', {
                        names: project.groups.map((group) => group.name).join(', '),
                      })}
              </span>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const stopped = Stopped.safeParse(result.answer);
  const where =
    stopped.success && stopped.data.step === 'groups'
      ? t('providers.test.workApp.failedGroups', { project: stopped.data.project.name })
      : t('providers.test.workApp.failedProjects');
  const code = DeliveryFailureCode.safeParse(result.code);
  const why =
    result.code === 'bad_answer'
      ? t('providers.test.workApp.badAnswer')
      : code.success
        ? `${deliveryFailureMessages[code.data][locale]}.`
        : t('providers.test.failed');
  return (
    <div className="alert alert--error test-result work-app-result" role="alert" data-testid="test-result">
      <p>
        {where} {why}
      </p>
      {result.error ? (
        <p className="work-app-survey__details">
          {t('providers.test.workApp.details', { error: result.error })}
        </p>
      ) : null}
    </div>
  );
}
