import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Option = { value: string; label: string };

/** `ids` with the item at `from` moved to `to`. */
export function moved(ids: readonly string[], from: number, to: number): string[] {
  const next = [...ids];
  const [item] = next.splice(from, 1);
  if (item === undefined || to < 0 || to > next.length) return [...ids];
  next.splice(to, 0, item);
  return next;
}

/**
 * Users in the order records go to them: dragged with the mouse, or moved with the up and down
 * buttons (keyboard and touch). `users` names every user that can be added.
 */
export function OrderedUsers({
  value,
  users,
  onChange,
  labelledBy,
}: {
  value: string[];
  users: Option[];
  onChange: (ids: string[]) => void;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState<number | null>(null);
  const nameOf = (id: string) => users.find((user) => user.value === id)?.label ?? id;
  const addable = users.filter((user) => !value.includes(user.value));
  const onDrop = (event: DragEvent, index: number) => {
    event.preventDefault();
    if (dragging !== null) onChange(moved(value, dragging, index));
    setDragging(null);
  };

  return (
    <div className="form-stack">
      <ol className="ordered-users" aria-labelledby={labelledBy} data-testid="rule-users">
        {value.map((id, index) => (
          <li
            key={id}
            className="ordered-users__item"
            draggable
            data-dragging={dragging === index}
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move';
              setDragging(index);
            }}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => onDrop(event, index)}
            onDragEnd={() => setDragging(null)}
          >
            <span className="ordered-users__index" aria-hidden="true">
              {index + 1}.
            </span>
            <span className="ordered-users__name">{nameOf(id)}</span>
            <button
              type="button"
              className="btn btn--sm btn--ghost"
              aria-label={t('rules.moveUp', { name: nameOf(id) })}
              disabled={index === 0}
              onClick={() => onChange(moved(value, index, index - 1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn--sm btn--ghost"
              aria-label={t('rules.moveDown', { name: nameOf(id) })}
              disabled={index === value.length - 1}
              onClick={() => onChange(moved(value, index, index + 1))}
            >
              ↓
            </button>
            <button
              type="button"
              className="btn btn--sm btn--ghost"
              aria-label={t('rules.removeUser', { name: nameOf(id) })}
              onClick={() => onChange(value.filter((other) => other !== id))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      {addable.length > 0 ? (
        <select
          className="select"
          aria-label={t('rules.addUser')}
          value=""
          onChange={(event) => event.target.value && onChange([...value, event.target.value])}
        >
          <option value="">{t('rules.addUser')}</option>
          {addable.map((user) => (
            <option key={user.value} value={user.value}>
              {user.label}
            </option>
          ))}
        </select>
      ) : null}
    </div>
  );
}
