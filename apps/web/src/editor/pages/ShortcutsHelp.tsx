import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

/** The "?" popover listing the editor's keyboard shortcuts; Escape or a click outside closes it. */
export function ShortcutsHelp({
  open,
  onToggle,
  onClose,
}: {
  open: boolean;
  onToggle: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onToggle();
    };
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) onToggle();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, onToggle]);

  const rows: [string, string][] = [
    ['Delete / Backspace', t('editor.shortcuts.delete')],
    ['Shift', t('editor.shortcuts.multi')],
    [`${mod} + C`, t('editor.shortcuts.copy')],
    [`${mod} + V`, t('editor.shortcuts.paste')],
    [`${mod} + Z`, t('editor.shortcuts.undo')],
    [`${mod} + Y / ${mod} + Shift + Z`, t('editor.shortcuts.redo')],
    ['Tab, Enter / Space', t('editor.shortcuts.select')],
    ['← ↑ → ↓', t('editor.shortcuts.move')],
    ['Esc', t('editor.shortcuts.escape')],
    ['↧', t('editor.shortcuts.connect')],
  ];

  return (
    <div className="shortcuts" ref={root}>
      <button
        type="button"
        className="btn btn--sm btn--icon"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('editor.shortcuts.open')}
        title={t('editor.shortcuts.open')}
        onClick={() => {
          onClose();
          onToggle();
        }}
      >
        ?
      </button>
      {open ? (
        <div id={panelId} className="shortcuts__panel" role="dialog" aria-label={t('editor.shortcuts.title')}>
          <h2 className="shortcuts__title">{t('editor.shortcuts.title')}</h2>
          <dl className="shortcuts__list">
            {rows.map(([keys, text]) => (
              <div key={text} className="shortcuts__row">
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{text}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </div>
  );
}
