import { type MergeFieldOption, type ModuleCatalog, type ModuleMeta, mergeFieldOptions } from '@crmflow/flow';
import {
  type ChangeEvent,
  type KeyboardEvent,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/useLocale.ts';
import { useEditorScope } from '../../EditorProvider.tsx';
import type { ControlProps } from './Field.tsx';
import { filterMergeOptions, insertMergeToken, mergeQueryAt } from './merge-query.ts';

type TextElement = HTMLInputElement | HTMLTextAreaElement;

/**
 * A text input or textarea where typing `#` opens the merge-field picker (ARIA combobox):
 * the record's fields, then those of related records; arrows move, Enter or Tab inserts,
 * Escape closes, and typing on filters the list.
 */
export function MergeText(props: MergeTextProps) {
  const { module, catalog } = useEditorScope();
  return <MergeTextInput {...props} module={module} catalog={catalog} />;
}

type MergeTextProps = {
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
  rows?: number;
};

/** The same control outside the editor: the module whose fields it offers is given. */
export function MergeTextInput({
  control,
  value,
  onChange,
  multiline = false,
  placeholder,
  rows = 5,
  module,
  catalog,
}: MergeTextProps & { module: ModuleMeta; catalog: ModuleCatalog }) {
  const locale = useLocale();
  const listId = useId();
  const element = useRef<TextElement | null>(null);
  const pendingCaret = useRef<number | null>(null);
  const [open, setOpen] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const all = useMemo(() => mergeFieldOptions({ module, catalog, locale }), [module, catalog, locale]);
  const options = useMemo(() => (open ? filterMergeOptions(all, open.query).slice(0, 50) : []), [all, open]);

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !element.current) return;
    element.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const track = (text: string, caret: number) => {
    const query = mergeQueryAt(text, caret);
    setOpen(query);
    setActive(0);
  };
  const onInput = (event: ChangeEvent<TextElement>) => {
    onChange(event.target.value);
    track(event.target.value, event.target.selectionStart ?? event.target.value.length);
  };
  const insert = (token: string) => {
    const target = element.current;
    if (!open || !target) return;
    const caret = target.selectionStart ?? value.length;
    const next = insertMergeToken({ text: value, start: open.start, caret, token });
    pendingCaret.current = next.caret;
    onChange(next.text);
    setOpen(null);
  };
  const onKeyDown = (event: KeyboardEvent<TextElement>) => {
    if (!open || options.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const option = options[active];
      if (!option) return;
      event.preventDefault();
      insert(option.token);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(null);
    }
  };
  const expanded = open !== null && options.length > 0;
  const shared = {
    ...control,
    ref: (node: TextElement | null) => {
      element.current = node;
    },
    value,
    placeholder,
    onChange: onInput,
    onKeyDown,
    onBlur: () => setOpen(null),
    onClick: (event: { currentTarget: TextElement }) =>
      track(event.currentTarget.value, event.currentTarget.selectionStart ?? 0),
    role: 'combobox',
    'aria-autocomplete': 'list' as const,
    'aria-expanded': expanded,
    'aria-controls': listId,
    'aria-activedescendant': expanded ? `${listId}-${active}` : undefined,
  };

  return (
    <div className="merge-text">
      {multiline ? (
        <textarea {...shared} className="textarea" rows={rows} />
      ) : (
        <input {...shared} className="input" type="text" />
      )}
      <MergeOptionList listId={listId} options={expanded ? options : []} active={active} onPick={insert} />
    </div>
  );
}

/** The picker's list: hidden when empty, kept in the DOM so `aria-controls` always names it. */
export function MergeOptionList({
  listId,
  options,
  active,
  onPick,
}: {
  listId: string;
  options: readonly MergeFieldOption[];
  active: number;
  onPick: (token: string) => void;
}) {
  const { t } = useTranslation();
  if (options.length === 0)
    return <div id={listId} role="listbox" hidden aria-label={t('editor.form.merge.label')} />;
  return (
    <div id={listId} role="listbox" className="merge-text__list" aria-label={t('editor.form.merge.label')}>
      {options.map((option, index) => (
        <div
          key={option.token}
          id={`${listId}-${index}`}
          role="option"
          tabIndex={-1}
          aria-selected={index === active}
          className="merge-text__option"
          // Keeps the focus in the text while picking with the mouse.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(option.token);
          }}
        >
          <span className="merge-text__label">{option.label}</span>
          <span className="merge-text__token mono">{option.token}</span>
        </div>
      ))}
    </div>
  );
}
