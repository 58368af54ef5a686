import type { Workflow } from '@crmflow/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type TemplateCardInput, useSaveAsTemplate } from '../api/gallery.ts';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import '../styles/gallery.css';
import { templateName } from './TemplateCard.tsx';
import { TemplateCardDialog } from './TemplateCardDialog.tsx';

export interface SaveAsTemplateButtonProps {
  workflow: Workflow;
  /** Saves pending edits first: the template is made from the workflow as stored. */
  ensureSaved: () => Promise<void>;
}

/** Lưu thành mẫu: keeps the workflow as a template of the organization, in its own section of the gallery. */
export function SaveAsTemplateButton({ workflow, ensureSaved }: SaveAsTemplateButtonProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const save = useSaveAsTemplate();
  const [open, setOpen] = useState(false);
  const [savedName, setSavedName] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const onSave = async (card: TemplateCardInput) => {
    setFailure(null);
    try {
      await ensureSaved();
      const template = await save.mutateAsync({ workflowId: workflow.id, ...card });
      setSavedName(templateName(template, locale));
      setOpen(false);
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <>
      {savedName ? (
        <span className="editor-header__saved-template" role="status">
          {t('templateGallery.card.saved', { name: savedName })}{' '}
          <Link to="/templates">{t('templateGallery.card.openGallery')}</Link>
        </span>
      ) : null}
      <button
        type="button"
        className="btn"
        onClick={() => {
          setSavedName(null);
          setOpen(true);
        }}
        data-testid="save-as-template"
      >
        {t('templateGallery.saveAsTemplate')}
      </button>
      {open ? (
        <TemplateCardDialog
          title={t('templateGallery.card.saveTitle')}
          initial={{
            name: { vi: workflow.name, en: '' },
            description: { vi: workflow.description ?? '', en: '' },
          }}
          busy={save.isPending}
          error={failure ? errorMessage(failure) : null}
          onSave={(card) => void onSave(card)}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
