import { type DragEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonTip } from '../../components/ReasonTip.tsx';
import { useLocale } from '../../i18n/useLocale.ts';
import { useEditor, useEditorScope } from '../EditorProvider.tsx';
import { NodeIcon } from './NodeIcon.tsx';
import { filterPalette, type PaletteItem, paletteDragType, paletteGroups } from './palette-items.ts';

/**
 * The node types this flow may use, grouped Khi nào / Điều kiện / Hành động. Items are dragged
 * onto the canvas (HTML5 drag and drop) or added with a click or Enter, which places the node
 * under the last one selected.
 */
export function Palette({ onAdd }: { onAdd: (nodeType: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { module, kind } = useEditorScope();
  const hasTrigger = useEditor((state) => state.nodes.some((node) => node.type === 'trigger'));
  const [query, setQuery] = useState('');
  const searchId = useId();
  const groups = useMemo(
    () => filterPalette(paletteGroups({ module: module.key, kind, locale }), query),
    [module.key, kind, locale, query],
  );

  return (
    <aside className="palette" aria-label={t('editor.palette.title')} data-testid="palette">
      <div className="palette__head">
        <h2 className="palette__title">{t('editor.palette.title')}</h2>
        <label htmlFor={searchId} className="visually-hidden">
          {t('editor.palette.search')}
        </label>
        <input
          id={searchId}
          type="search"
          className="input palette__search"
          placeholder={t('editor.palette.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <p className="palette__hint">{t('editor.palette.hint')}</p>
      </div>
      {groups.map((group) => (
        <section
          key={group.category}
          className="palette__group"
          aria-labelledby={`palette-${group.category}`}
        >
          <h3
            id={`palette-${group.category}`}
            className={`palette__group-title palette__group-title--${group.category}`}
          >
            {t(`editor.category.${group.category}`)}
          </h3>
          <ul className="palette__list">
            {group.items.map((item) => (
              <li key={item.type}>
                <PaletteEntry
                  item={item}
                  disabled={item.category === 'trigger' && hasTrigger}
                  onAdd={() => onAdd(item.type)}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {groups.length === 0 ? <p className="palette__empty">{t('editor.palette.noMatch')}</p> : null}
    </aside>
  );
}

function PaletteEntry({
  item,
  disabled,
  onAdd,
}: {
  item: PaletteItem;
  disabled: boolean;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const onDragStart = (event: DragEvent<HTMLButtonElement>) => {
    event.dataTransfer.setData(paletteDragType, item.type);
    event.dataTransfer.setData('text/plain', item.type);
    event.dataTransfer.effectAllowed = 'copy';
  };
  // A second "Khi nào" is refused up front: the entry stays reachable and says why.
  return (
    <ReasonTip reason={disabled ? t('editor.palette.triggerPlaced') : null} className="reason-tip--block">
      {(unavailable) => (
        <button
          type="button"
          className={`palette__item palette__item--${item.category}`}
          draggable={!disabled}
          onDragStart={onDragStart}
          onClick={() => {
            if (!disabled) onAdd();
          }}
          title={disabled ? undefined : item.description}
          data-node-type={item.type}
          aria-label={t('editor.palette.add', { label: item.label })}
          {...unavailable}
        >
          <span className="palette__icon">
            <NodeIcon name={item.icon} />
          </span>
          <span className="palette__label">{item.label}</span>
        </button>
      )}
    </ReasonTip>
  );
}
