import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateCardInput } from '../api/gallery.ts';
import { Dialog } from '../components/Dialog.tsx';

export interface TemplateCardDialogProps {
  title: string;
  initial: TemplateCardInput;
  busy: boolean;
  error: string | null;
  onSave: (card: TemplateCardInput) => void;
  onClose: () => void;
}

/** The name and description of an organization's template: when saving a workflow as one, or editing it. */
export function TemplateCardDialog({
  title,
  initial,
  busy,
  error,
  onSave,
  onClose,
}: TemplateCardDialogProps) {
  const { t } = useTranslation();
  const nameId = useId();
  const descriptionId = useId();
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [missingName, setMissingName] = useState(false);
  const save = () => {
    if (name.trim() === '') {
      setMissingName(true);
      return;
    }
    onSave({ name: name.trim(), description: description.trim() });
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('templateGallery.card.cancel')}
          </button>
          <button type="button" className="btn btn--primary" onClick={save} disabled={busy}>
            {busy ? t('templateGallery.card.saving') : t('templateGallery.card.save')}
          </button>
        </>
      }
    >
      <div className="field">
        <label className="field__label" htmlFor={nameId}>
          {t('templateGallery.card.name')}
        </label>
        <input
          id={nameId}
          className="input"
          value={name}
          maxLength={200}
          aria-invalid={missingName}
          onChange={(event) => {
            setMissingName(false);
            setName(event.target.value);
          }}
          data-autofocus
        />
        {missingName ? <p className="field__error">{t('templateGallery.card.nameRequired')}</p> : null}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={descriptionId}>
          {t('templateGallery.card.description')}
        </label>
        <textarea
          id={descriptionId}
          className="input"
          rows={3}
          maxLength={2000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
