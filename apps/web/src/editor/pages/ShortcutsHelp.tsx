import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanvasView, useCanvasViewStore } from '../EditorProvider.tsx';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

/**
 * The "?" list of the editor's keyboard shortcuts, opened by its button or the "?" key. It takes
 * the focus when it opens; Escape, the close button or a click outside closes it, and the focus
 * returns to the "?" button.
 */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const view = useCanvasViewStore();
  const open = useCanvasView((state) => state.help);
  const panelId = useId();
  const titleId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const close = (returnFocus: boolean) => {
      view.setState({ help: false });
      if (returnFocus) toggle.current?.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close(true);
    };
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, view]);

  const rows: [string, string][] = [
    ['Tab / Shift + Tab', t('editor.shortcuts.focus')],
    ['Enter / Space', t('editor.shortcuts.select')],
    ['← ↑ → ↓', t('editor.shortcuts.move')],
    ['Delete / Backspace', t('editor.shortcuts.delete')],
    ['C', t('editor.shortcuts.connectKeys')],
    ['+ , Enter', t('editor.shortcuts.addAfter')],
    [`${mod} + Z`, t('editor.shortcuts.undo')],
    [`${mod} + Y / ${mod} + Shift + Z`, t('editor.shortcuts.redo')],
    [`${mod} + C`, t('editor.shortcuts.copy')],
    [`${mod} + V`, t('editor.shortcuts.paste')],
    ['Shift', t('editor.shortcuts.multi')],
    ['Esc', t('editor.shortcuts.escape')],
    ['?', t('editor.shortcuts.help')],
    ['↧', t('editor.shortcuts.connect')],
  ];

  return (
    <div className="shortcuts" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="btn btn--sm btn--icon"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('editor.shortcuts.open')}
        aria-keyshortcuts="Shift+?"
        title={`${t('editor.shortcuts.open')} (?)`}
        onClick={() => view.setState({ help: !open, picker: null, connecting: null })}
      >
        ?
      </button>
      {open ? (
        <div
          ref={panel}
          id={panelId}
          className="shortcuts__panel"
          role="dialog"
          aria-labelledby={titleId}
          tabIndex={-1}
        >
          <h2 className="shortcuts__title" id={titleId}>
            {t('editor.shortcuts.title')}
          </h2>
          <dl className="shortcuts__list">
            {rows.map(([keys, text]) => (
              <div key={keys} className="shortcuts__row">
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{text}</dd>
              </div>
            ))}
          </dl>
          <p className="shortcuts__note">{t('editor.shortcuts.textUndo')}</p>
          <button
            type="button"
            className="btn btn--sm"
            onClick={() => {
              view.setState({ help: false });
              toggle.current?.focus();
            }}
          >
            {t('editor.connect.close')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
