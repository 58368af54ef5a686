import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.tsx';

/** Why a file could not be imported: each schema problem with where it is in the file. */
export function ImportProblemsDialog({ problems, onClose }: { problems: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('editor.file.importTitle')}
      onClose={onClose}
      footer={
        <button type="button" className="btn" onClick={onClose} data-autofocus>
          {t('editor.file.close')}
        </button>
      }
    >
      <div role="alert" data-testid="import-problems">
        <p>{t('editor.file.importInvalid')}</p>
        <ul className="import-problems">
          {problems.map((problem) => (
            <li key={problem} className="mono">
              {problem}
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
