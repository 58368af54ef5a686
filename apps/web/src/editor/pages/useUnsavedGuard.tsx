import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';

/**
 * Asks before leaving the editor with unsaved changes: inside the app (react-router's blocker,
 * with our dialog) and when the tab is closed or reloaded (the browser's own prompt).
 * `isDirty` is read at the moment of leaving, so it is always current.
 */
export function useUnsavedGuard(isDirty: () => boolean) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) =>
    currentLocation.pathname !== nextLocation.pathname ? isDirty() : false,
  );

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isDirty()) return;
      event.preventDefault();
      // Older browsers show the prompt only when a value is returned.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty]);

  return blocker;
}

export function UnsavedDialog({ blocker }: { blocker: ReturnType<typeof useBlocker> }) {
  const { t } = useTranslation();
  if (blocker.state !== 'blocked') return null;
  return (
    <ConfirmDialog
      title={t('editor.unsaved.title')}
      body={t('editor.unsaved.body')}
      confirmLabel={t('editor.unsaved.leave')}
      onConfirm={() => blocker.proceed()}
      onCancel={() => blocker.reset()}
    />
  );
}
