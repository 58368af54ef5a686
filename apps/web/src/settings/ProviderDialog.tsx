import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProviderKind, type ProviderView, useSaveProvider } from '../api/providers.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ProviderExtras } from './ProviderExtras.tsx';
import { ProviderForm } from './ProviderForm.tsx';

/**
 * Adds or edits one provider. Once saved it stays open on it, with the test send and the workflows
 * using it; a new webhook endpoint's signing secret, which comes back once, is shown there.
 */
export function ProviderDialog({
  kind,
  provider,
  onClose,
}: {
  kind: ProviderKind;
  provider?: ProviderView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const save = useSaveProvider();
  const [current, setCurrent] = useState<ProviderView | undefined>(provider);
  const [revealed, setRevealed] = useState<string | null>(null);

  return (
    <Dialog
      title={current ? t('providers.editTitle', { name: current.name }) : t(`providers.addTitle.${kind}`)}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('providers.close')}
          </button>
          <button type="submit" form={formId} className="btn btn--primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </>
      }
    >
      <ProviderForm
        formId={formId}
        kind={kind}
        provider={current}
        save={save}
        onSaved={(saved) => {
          // The dialog stays open on the saved provider: next comes the test send.
          if (saved.signingSecret) setRevealed(saved.signingSecret);
          setCurrent(saved);
        }}
      />
      {revealed ? <SigningSecret secret={revealed} onDone={() => setRevealed(null)} /> : null}
      {current ? <ProviderExtras provider={current} onRotated={setRevealed} /> : null}
    </Dialog>
  );
}

/** A webhook endpoint's signing secret, visible this once. */
export function SigningSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="alert alert--success" role="status">
      <div className="alert__body">
        <strong>{t('providers.signingSecretTitle')}</strong>
        <span>{t('providers.signingSecretHint')}</span>
        <div className="secret-field">
          <label htmlFor={id} className="visually-hidden">
            {t('providers.signingSecret')}
          </label>
          <input
            id={id}
            className="input"
            readOnly
            value={secret}
            onFocus={(e) => e.target.select()}
            data-testid="signing-secret"
          />
          <button type="button" className="btn btn--ghost" onClick={onDone}>
            {t('tokens.done')}
          </button>
        </div>
      </div>
    </div>
  );
}
