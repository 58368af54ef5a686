import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteRecord } from '../api/records.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { TrashIcon } from '../components/icons.tsx';
import { useErrorMessage } from '../components/useErrorMessage.ts';

export interface DeleteRecordButtonProps {
  module: string;
  id: string;
  title: string;
  onDeleted: () => void;
}

export function DeleteRecordButton({ module, id, title, onDeleted }: DeleteRecordButtonProps) {
  const { t } = useTranslation();
  const remove = useDeleteRecord(module);
  const errorMessage = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button type="button" className="btn btn--danger" onClick={() => setConfirming(true)}>
        <TrashIcon />
        {t('common.delete')}
      </button>
      {confirming ? (
        <ConfirmDialog
          title={t('recordForm.deleteTitle')}
          body={t('recordForm.deleteBody', { title })}
          confirmLabel={remove.isPending ? t('common.deleting') : t('common.delete')}
          busy={remove.isPending}
          error={remove.isError ? errorMessage(remove.error) : null}
          onCancel={() => {
            remove.reset();
            setConfirming(false);
          }}
          onConfirm={() => remove.mutate(id, { onSuccess: onDeleted })}
        />
      ) : null}
    </>
  );
}
