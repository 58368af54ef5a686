import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { fetchTemplateFile, type GalleryTemplate, useImportTemplate } from '../api/gallery.ts';
import { useErrorMessage } from '../components/useErrorMessage.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { templateName } from './TemplateCard.tsx';

export type ImportOutcome = { ok: true; text: string } | { ok: false; text: string; details: string[] };

function detailsOf(error: unknown): string[] {
  if (!isApiError(error) || !Array.isArray(error.details)) return [];
  return error.details.flatMap((detail: unknown) => {
    const field = Reflect.get(Object(detail), 'field');
    const message = Reflect.get(Object(detail), 'message');
    return typeof message === 'string'
      ? [typeof field === 'string' && field ? `${field}: ${message}` : message]
      : [];
  });
}

/** Export a template as a JSON file, and import one: what is wrong with a bad file is listed. */
export function useTemplateFiles() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorMessage = useErrorMessage();
  const importTemplate = useImportTemplate();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const exportFile = async (template: GalleryTemplate) => {
    const file = await fetchTemplateFile(template.id);
    const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${templateName(template, locale).replace(/[\\/:*?"<>|]+/g, '-')}.template.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const importFile = async (file: File) => {
    setOutcome(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setOutcome({
        ok: false,
        text: t('templateGallery.importFailed'),
        details: [t('templateGallery.importNotJson')],
      });
      return;
    }
    try {
      const created = await importTemplate.mutateAsync(parsed);
      setOutcome({ ok: true, text: t('templateGallery.imported', { name: templateName(created, locale) }) });
    } catch (error) {
      setOutcome({
        ok: false,
        text: `${t('templateGallery.importFailed')}: ${errorMessage(error)}`,
        details: detailsOf(error),
      });
    }
  };

  return { exportFile, importFile, importing: importTemplate.isPending, outcome };
}
