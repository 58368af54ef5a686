import type { Run } from '@crmflow/contracts';
import { useTranslation } from 'react-i18next';
import { runDuration } from './run-duration.ts';

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** How long the run took; a run still going counts up to now (the list refreshes meanwhile). */
export function RunDuration({ run }: { run: Pick<Run, 'startedAt' | 'finishedAt'> }) {
  const { t } = useTranslation();
  const parts = runDuration({ startedAt: run.startedAt, finishedAt: run.finishedAt });
  if (!parts) return null;
  switch (parts.unit) {
    case 'ms':
      return <>{t('runs.duration.ms', { value: parts.value })}</>;
    case 'seconds':
      return <>{t('runs.duration.seconds', { value: decimal.format(parts.value) })}</>;
    case 'minutes':
      return <>{t('runs.duration.minutes', { m: parts.m, s: parts.s })}</>;
    case 'hours':
      return <>{t('runs.duration.hours', { h: parts.h, m: parts.m })}</>;
  }
}
