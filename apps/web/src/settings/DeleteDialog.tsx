import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';

/** Asks before deleting one item; a refusal (such as "used by active workflows") stays shown in it. */
export function DeleteDialog({
  title,
  body,
  id,
  remove,
  onClose,
}: {
  title: string;
  body: string;
  id: string;
  remove: UseMutationResult<void, Error, string>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <ConfirmDialog
      title={title}
      body={body}
      confirmLabel={t('common.delete')}
      busy={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onCancel={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() => remove.mutate(id, { onSuccess: onClose })}
    />
  );
}
