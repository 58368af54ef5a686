import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, TemplateCardInput } from '../api/gallery.ts';
import { Dialog } from '../components/Dialog.tsx';

export interface TemplateCardDialogProps {
  title: string;
  initial: TemplateCardInput;
  busy: boolean;
  error: string | null;
  onSave: (card: TemplateCardInput) => void;
  onClose: () => void;
}

const trimmed = (text: Bilingual): Bilingual => ({ vi: text.vi.trim(), en: text.en.trim() });

function TextField(props: {
  label: string;
  value: string;
  multiline?: boolean;
  invalid?: boolean;
  autofocus?: boolean;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const common = {
    id,
    className: 'input',
    value: props.value,
    'aria-invalid': props.invalid || undefined,
    ...(props.autofocus ? { 'data-autofocus': true } : {}),
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea
          {...common}
          rows={3}
          maxLength={2000}
          onChange={(event) => props.onChange(event.target.value)}
        />
      ) : (
        <input {...common} maxLength={200} onChange={(event) => props.onChange(event.target.value)} />
      )}
    </div>
  );
}

/**
 * The name and description of an organization's template, in Vietnamese and English: when saving
 * a workflow as one, or editing it. The English texts are optional; left empty, readers in English
 * see the Vietnamese ones.
 */
export function TemplateCardDialog({
  title,
  initial,
  busy,
  error,
  onSave,
  onClose,
}: TemplateCardDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [missingName, setMissingName] = useState(false);
  const save = () => {
    if (name.vi.trim() === '') {
      setMissingName(true);
      return;
    }
    onSave({ name: trimmed(name), description: trimmed(description) });
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
      <TextField
        label={t('templateGallery.card.nameVi')}
        value={name.vi}
        invalid={missingName}
        autofocus
        onChange={(vi) => {
          setMissingName(false);
          setName((current) => ({ ...current, vi }));
        }}
      />
      {missingName ? <p className="field__error">{t('templateGallery.card.nameRequired')}</p> : null}
      <TextField
        label={t('templateGallery.card.nameEn')}
        value={name.en}
        onChange={(en) => setName((current) => ({ ...current, en }))}
      />
      <TextField
        label={t('templateGallery.card.descriptionVi')}
        value={description.vi}
        multiline
        onChange={(vi) => setDescription((current) => ({ ...current, vi }))}
      />
      <TextField
        label={t('templateGallery.card.descriptionEn')}
        value={description.en}
        multiline
        onChange={(en) => setDescription((current) => ({ ...current, en }))}
      />
      <p className="field__hint">{t('templateGallery.card.englishHint')}</p>
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
