import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../i18n/index.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import type { StepMark } from './canvas-view.ts';

/**
 * The words nodes and edges show, translated once per language for the whole canvas: with
 * hundreds of nodes, a translation hook in each of them costs more than drawing them.
 */
export interface CanvasTexts {
  locale: Locale;
  branch: { true: string; false: string };
  notSet: string;
  insert: string;
  errors: (count: number) => string;
  mark: (mark: StepMark) => string;
  append: (label: string) => string;
  appendBranch: (args: { branch: string; label: string }) => string;
}

const CanvasTextsContext = createContext<CanvasTexts | null>(null);

export function CanvasTextsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const texts = useMemo(
    (): CanvasTexts => ({
      locale,
      branch: { true: t('editor.canvas.true'), false: t('editor.canvas.false') },
      notSet: t('editor.canvas.notSet'),
      insert: t('editor.canvas.insert'),
      errors: (count) => t('editor.canvas.errors', { count }),
      mark: (mark) => t(`editor.mark.${mark}`),
      append: (label) => t('editor.canvas.append', { label }),
      appendBranch: ({ branch, label }) => t('editor.canvas.appendBranch', { branch, label }),
    }),
    [t, locale],
  );
  return <CanvasTextsContext.Provider value={texts}>{children}</CanvasTextsContext.Provider>;
}

export function useCanvasTexts(): CanvasTexts {
  const texts = useContext(CanvasTextsContext);
  if (!texts) throw new Error('Canvas parts must be rendered inside <CanvasTextsProvider>');
  return texts;
}
