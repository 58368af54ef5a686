import { useTranslation } from 'react-i18next';
import { matchPath, useLocation } from 'react-router';
import { AlertIcon } from '../components/icons.tsx';

const editorPaths = ['/workflows/:id', '/care-processes/:id'];

/**
 * On a phone, the canvas editor says politely that it is made for a larger screen (shown by
 * `phone.css` only under 640 px); the workflow lists, with their on/off switches, work there.
 */
export function PhoneEditorNotice() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const id = editorPaths.map((path) => matchPath(path, pathname)?.params.id).find(Boolean);
  if (!id || id === 'new') return null;
  return (
    <p className="alert alert--warning phone-notice" data-testid="phone-editor-notice">
      <AlertIcon size={18} />
      <span>{t('phone.editorNotice')}</span>
    </p>
  );
}
