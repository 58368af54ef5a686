import { useTranslation } from 'react-i18next';

/** A list row's "open" and "delete" buttons, each named with the row for screen readers. */
export function RowActions(props: {
  openText: string;
  openLabel: string;
  deleteLabel: string;
  onOpen: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <td>
      <div className="settings-list__actions">
        <button type="button" className="btn btn--sm" aria-label={props.openLabel} onClick={props.onOpen}>
          {props.openText}
        </button>
        <button
          type="button"
          className="btn btn--sm btn--danger"
          aria-label={props.deleteLabel}
          onClick={props.onDelete}
        >
          {t('common.delete')}
        </button>
      </div>
    </td>
  );
}
