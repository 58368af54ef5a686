import { useTranslation } from 'react-i18next';

/** An active workflow is only viewed: managers may deactivate it to edit, others are told whom to ask. */
export function ReadOnlyBanner({
  canManage,
  busy,
  onDeactivate,
}: {
  canManage: boolean;
  busy: boolean;
  onDeactivate: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--warning editor-banner" data-testid="read-only-banner">
      <div className="alert__body">
        <strong>{t('editor.readOnly.banner')}</strong>
        {canManage ? null : <span>{t('editor.readOnly.askManager')}</span>}
      </div>
      {canManage ? (
        <button type="button" className="btn btn--sm" onClick={onDeactivate} disabled={busy}>
          {t('editor.readOnly.deactivateToEdit')}
        </button>
      ) : null}
    </div>
  );
}
