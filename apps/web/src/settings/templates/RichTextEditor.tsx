import { type MergeFieldOption, type ModuleCatalog, type ModuleMeta, mergeFieldOptions } from '@crmflow/flow';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MergeOptionList } from '../../editor/inspector/controls/MergeText.tsx';
import { filterMergeOptions, mergeQueryAt } from '../../editor/inspector/controls/merge-query.ts';
import { useLocale } from '../../i18n/useLocale.ts';

type Picker = { from: number; to: number; query: string };

/**
 * The HTML body of an email, edited as formatted text (TipTap): bold, italic, headings, lists.
 * Typing `#` opens the same merge-field picker as the editor's text fields; arrows move, Enter
 * or Tab inserts, Escape closes. `onChange` receives the HTML.
 */
export function RichTextEditor({
  labelId,
  initialHtml,
  onChange,
  module,
  catalog,
  invalid,
  describedBy,
}: {
  labelId: string;
  initialHtml: string;
  onChange: (html: string) => void;
  module: ModuleMeta;
  catalog: ModuleCatalog;
  invalid?: boolean;
  describedBy?: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const listId = useId();
  const all = useMemo(() => mergeFieldOptions({ module, catalog, locale }), [module, catalog, locale]);
  const [picker, setPicker] = useState<Picker | null>(null);
  const [active, setActive] = useState(0);
  const options = useMemo(
    () => (picker ? filterMergeOptions(all, picker.query).slice(0, 50) : []),
    [all, picker],
  );
  // The key handler is registered once; it reads the picker through this ref.
  const live = useRef({ options, active, picker });
  live.current = { options, active, picker };
  // Where a merge field was just inserted: the token before the caret opens no picker again.
  const insertedAt = useRef<number | null>(null);
  const openAt = ($from: Parameters<typeof pickerAt>[0]) =>
    insertedAt.current === $from.pos ? null : pickerAt($from);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const editor = useEditor({
    extensions: [StarterKit.configure({ link: false, underline: false, code: false, codeBlock: false })],
    content: initialHtml,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'rich-text__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        'aria-controls': listId,
      },
      handleKeyDown: (_view, event) => {
        const { options: shown, active: at, picker: open } = live.current;
        if (!open || shown.length === 0) return false;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          const step = event.key === 'ArrowDown' ? 1 : -1;
          setActive((current) => (current + step + shown.length) % shown.length);
          return true;
        }
        if (event.key === 'Enter' || event.key === 'Tab') {
          const option = shown[at];
          if (option) insertRef.current(option);
          return true;
        }
        if (event.key === 'Escape') {
          setPicker(null);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: current }) => {
      onChangeRef.current(current.getHTML());
      setPicker(openAt(current.state.selection.$from));
      setActive(0);
    },
    onSelectionUpdate: ({ editor: current }) => setPicker(openAt(current.state.selection.$from)),
    onBlur: () => setPicker(null),
  });

  const insertRef = useRef((_option: MergeFieldOption) => {});
  insertRef.current = (option: MergeFieldOption) => {
    const open = live.current.picker;
    if (!open) return;
    insertedAt.current = open.from + option.token.length;
    editor.chain().focus().insertContentAt({ from: open.from, to: open.to }, option.token).run();
    setPicker(null);
  };

  const expanded = picker !== null && options.length > 0;
  useEffect(() => {
    const dom = editor.view.dom;
    if (invalid) dom.setAttribute('aria-invalid', 'true');
    else dom.removeAttribute('aria-invalid');
    if (describedBy) dom.setAttribute('aria-describedby', describedBy);
    else dom.removeAttribute('aria-describedby');
  }, [editor, invalid, describedBy]);

  const marks = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      heading: current.isActive('heading', { level: 2 }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
    }),
  });

  const tool = (key: keyof typeof marks, label: string, text: string, run: () => void) => (
    <button
      type="button"
      className="btn btn--ghost btn--sm rich-text__tool"
      aria-pressed={marks[key]}
      aria-label={label}
      title={label}
      onMouseDown={(event) => event.preventDefault()}
      onClick={run}
    >
      {/* Drawn by CSS: the button's name is its label, and no visible letter contradicts it. */}
      <span className="rich-text__glyph" data-glyph={text} aria-hidden="true" />
    </button>
  );

  return (
    <div className={`rich-text merge-text${invalid ? ' rich-text--invalid' : ''}`}>
      <div className="rich-text__toolbar" role="toolbar" aria-label={t('admin.editor.toolbar')}>
        {tool('bold', t('admin.editor.bold'), 'B', () => editor.chain().focus().toggleBold().run())}
        {tool('italic', t('admin.editor.italic'), 'I', () => editor.chain().focus().toggleItalic().run())}
        {tool('heading', t('admin.editor.heading'), 'H', () =>
          editor.chain().focus().toggleHeading({ level: 2 }).run(),
        )}
        {tool('bulletList', t('admin.editor.bulletList'), '•', () =>
          editor.chain().focus().toggleBulletList().run(),
        )}
        {tool('orderedList', t('admin.editor.orderedList'), '1.', () =>
          editor.chain().focus().toggleOrderedList().run(),
        )}
        <button
          type="button"
          className="btn btn--ghost btn--sm rich-text__tool"
          aria-label={t('admin.editor.undo')}
          title={t('admin.editor.undo')}
          onClick={() => editor.chain().focus().undo().run()}
        >
          ↶
        </button>
        <button
          type="button"
          className="btn btn--ghost btn--sm rich-text__tool"
          aria-label={t('admin.editor.redo')}
          title={t('admin.editor.redo')}
          onClick={() => editor.chain().focus().redo().run()}
        >
          ↷
        </button>
      </div>
      <EditorContent editor={editor} />
      <MergeOptionList
        listId={listId}
        options={expanded ? options : []}
        active={active}
        onPick={(token) => {
          const option = options.find((candidate) => candidate.token === token);
          if (option) insertRef.current(option);
        }}
      />
    </div>
  );
}

/**
 * The merge field being typed at the caret, in document positions: the text of the caret's
 * block up to the caret (inline leaves count one position each, as in the document).
 */
function pickerAt($from: {
  parent: { textBetween: (from: number, to: number, block?: string, leaf?: string) => string };
  parentOffset: number;
  start: () => number;
  pos: number;
}): Picker | null {
  const before = $from.parent.textBetween(0, $from.parentOffset, undefined, '\ufffc');
  const query = mergeQueryAt(before, before.length);
  if (!query) return null;
  return { from: $from.start() + query.start, to: $from.pos, query: query.query };
}
