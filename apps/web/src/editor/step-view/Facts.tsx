import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecipientReport } from './step-error.ts';

/** One labelled value of a step: a label in the reader's language and what it shows. */
export type Fact = { label: string; value: ReactNode };

/** Labelled values, empty ones left out (nothing to read is better than a dash per row). */
export function Facts({ facts }: { facts: readonly (Fact | null | false)[] }) {
  const shown = facts.filter(
    (fact): fact is Fact => typeof fact === 'object' && fact !== null && !isEmpty(fact),
  );
  if (shown.length === 0) return null;
  return (
    <dl className="value-view step-facts">
      {shown.map((fact) => (
        <div key={fact.label} className="value-view__row">
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

const isEmpty = (fact: Fact) =>
  fact.value === null ||
  fact.value === undefined ||
  fact.value === '' ||
  (Array.isArray(fact.value) && fact.value.length === 0);

const knownStatuses = ['sent', 'captured', 'already_sent', 'in_progress', 'failed', 'unreachable'] as const;
type KnownStatus = (typeof knownStatuses)[number];
const isKnownStatus = (status: string): status is KnownStatus =>
  knownStatuses.some((known) => known === status);

/** Who a message went to and what became of it, one line per recipient. */
export function Recipients({ reports }: { reports: readonly RecipientReport[] }) {
  const { t } = useTranslation();
  if (reports.length === 0) return null;
  return (
    <ul className="step-recipients">
      {reports.map((report) => (
        <li key={`${report.to}:${report.source}`}>
          <span>{report.to || report.source}</span>{' '}
          <span className={`badge step-recipients__status step-recipients__status--${report.status}`}>
            {isKnownStatus(report.status) ? t(`editor.step.delivery.${report.status}`) : report.status}
          </span>
          {report.httpStatus !== undefined ? (
            <span className="muted"> · HTTP {report.httpStatus}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A list of names joined for reading. */
export const names = (list: readonly (string | null)[]) =>
  list.filter((name): name is string => Boolean(name)).join(', ');
