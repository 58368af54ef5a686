import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale.ts';
import { focusStep } from '../canvas/focus-step.ts';
import { useCanvasView, useCanvasViewStore, useEditorScope, useEditorStore } from '../EditorProvider.tsx';
import { nodeDraft } from '../store/node-draft.ts';
import { NodeIcon } from './NodeIcon.tsx';
import { filterPalette, paletteGroups } from './palette-items.ts';

/**
 * The menu a "+" opens: the node types that may follow, filtered as you type; arrows move,
 * Enter adds, Escape closes. Adding after an output or into an edge is one undoable step.
 */
export function NodePicker() {
  const request = useCanvasView((state) => state.picker);
  if (!request) return null;
  return <PickerMenu key={`${request.anchor.x}:${request.anchor.y}`} />;
}

function PickerMenu() {
  const { t } = useTranslation();
  const locale = useLocale();
  const scope = useEditorScope();
  const store = useEditorStore();
  const view = useCanvasViewStore();
  const request = useCanvasView((state) => state.picker);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  // What had the focus when the menu opened: the search box takes it on the first render.
  const [opener] = useState(() => document.activeElement);
  const items = useMemo(
    () =>
      filterPalette(paletteGroups({ module: scope.module.key, kind: scope.kind, locale }), query)
        .filter((group) => group.category !== 'trigger')
        .flatMap((group) => group.items),
    [scope.module.key, scope.kind, locale, query],
  );
  const close = () => view.setState({ picker: null });

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target))
        view.setState({ picker: null });
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [view]);

  if (!request) return null;
  const pick = (nodeType: string) => {
    const draft = nodeDraft({ nodeType, scope });
    const added =
      request.mode === 'append'
        ? store.getState().appendNode({ sourceId: request.sourceId, handle: request.handle, draft })
        : store.getState().insertNode({ edgeId: request.edgeId, draft });
    close();
    // The focus follows the new step, on the canvas: the next "+" or "Nối tới…" is a Tab away.
    if (added) focusStep(added);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
      // Back to the "+" that opened the menu.
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (items.length === 0 ? 0 : (current + step + items.length) % items.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = items[active];
      if (item) pick(item.type);
    }
  };
  const title = request.mode === 'append' ? t('editor.picker.append') : t('editor.picker.insert');

  return (
    <div
      ref={root}
      className="node-picker nodrag nopan nowheel"
      style={{ left: request.anchor.x, top: request.anchor.y }}
      role="dialog"
      aria-label={title}
      onKeyDown={onKeyDown}
      data-testid="node-picker"
    >
      <p className="node-picker__title">{title}</p>
      <input
        className="input node-picker__search"
        // biome-ignore lint/a11y/noAutofocus: the menu opens on request; typing filters it at once.
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={items[active] ? `${listId}-${items[active].type}` : undefined}
        aria-label={t('editor.palette.search')}
        placeholder={t('editor.palette.search')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
      />
      <div id={listId} role="listbox" className="node-picker__list" aria-label={title}>
        {items.map((item, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the search box handles the keys (aria-activedescendant)
          <div
            key={item.type}
            id={`${listId}-${item.type}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            className={`node-picker__item node-picker__item--${item.category}`}
            data-node-type={item.type}
            onMouseEnter={() => setActive(index)}
            onClick={() => pick(item.type)}
          >
            <NodeIcon name={item.icon} />
            <span>{item.label}</span>
          </div>
        ))}
        {items.length === 0 ? <div className="node-picker__empty">{t('editor.palette.noMatch')}</div> : null}
      </div>
    </div>
  );
}
