import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AlertIcon, CheckIcon, CloseIcon } from '../components/icons.tsx';
import type { Notice } from './notice.ts';

/** The outcome of the last action on the list; errors are announced, successes read politely. */
export function NoticeBanner({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const { t } = useTranslation();
  const error = notice.tone === 'error';
  return (
    <div
      className={`alert notice ${error ? 'alert--error' : 'alert--success'}`}
      role={error ? 'alert' : 'status'}
      data-testid="workflow-notice"
    >
      {error ? <AlertIcon size={18} /> : <CheckIcon size={18} />}
      <div className="alert__body">
        <span>{notice.text}</span>
        {error && notice.problems?.length ? (
          <ul className="notice__problems">
            {notice.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
            {notice.more ? <li>{t('workflows.moreProblems', { count: notice.more })}</li> : null}
          </ul>
        ) : null}
        {error && notice.fixLink ? (
          <span>
            <Link to={notice.fixLink} className="notice__link">
              {t('workflows.openToFix')}
            </Link>
          </span>
        ) : null}
        {!error && notice.link ? (
          <span>
            <Link to={notice.link.to} className="notice__link">
              {notice.link.label}
            </Link>
          </span>
        ) : null}
      </div>
      <button
        type="button"
        className="btn btn--ghost btn--sm btn--icon"
        aria-label={t('workflows.dismiss')}
        onClick={onDismiss}
      >
        <CloseIcon />
      </button>
    </div>
  );
}
