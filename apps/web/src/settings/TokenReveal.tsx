import type { CreatedToken } from '@crmflow/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, CopyIcon } from '../components/icons.tsx';

/** The one moment a new token's secret is visible, with a copy button. */
export function TokenReveal({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(true);
    } catch {
      document.getElementById('token-value')?.focus();
    }
  };

  return (
    <div className="alert alert--success" role="status">
      <div className="alert__body">
        <strong>{t('tokens.createdTitle', { name: token.name })}</strong>
        <span>{t('tokens.createdHint')}</span>
        <div className="token-reveal">
          <label htmlFor="token-value" className="visually-hidden">
            {t('tokens.value')}
          </label>
          <input
            id="token-value"
            className="input"
            readOnly
            value={token.token}
            onFocus={(e) => e.target.select()}
            data-testid="token-value"
          />
          <button type="button" className="btn" onClick={() => void copy()}>
            {copied ? <CheckIcon /> : <CopyIcon />}
            {copied ? t('tokens.copied') : t('tokens.copy')}
          </button>
          <button type="button" className="btn btn--ghost" onClick={onDone}>
            {t('tokens.done')}
          </button>
        </div>
      </div>
    </div>
  );
}
