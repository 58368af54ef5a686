import type { ModuleMeta } from '@crmflow/flow';
import { useTranslation } from 'react-i18next';
import { ModuleFilter } from '../components/FilterSelect.tsx';
import { SearchBox } from '../records/SearchBox.tsx';
import { CardsIcon, TableIcon } from './list-icons.tsx';
import type { ViewMode } from './useViewMode.ts';

export interface WorkflowFiltersProps {
  modules: ModuleMeta[];
  module: string | undefined;
  q: string;
  view: ViewMode;
  onModule: (module: string | undefined) => void;
  onSearch: (q: string) => void;
  onView: (view: ViewMode) => void;
}

/** Phân hệ, a search by name, and the table / summary switch. */
export function WorkflowFilters(props: WorkflowFiltersProps) {
  const { t } = useTranslation();

  return (
    <div className="toolbar">
      <div className="toolbar__group">
        <ModuleFilter modules={props.modules} value={props.module} onChange={props.onModule} />
        <SearchBox
          value={props.q}
          onSearch={props.onSearch}
          label={t('workflows.searchLabel')}
          placeholder={t('workflows.searchPlaceholder')}
        />
      </div>
      <fieldset className="segmented" aria-label={t('workflows.view.label')}>
        {(['table', 'cards'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            className="segmented__option"
            aria-pressed={props.view === mode}
            onClick={() => props.onView(mode)}
          >
            {mode === 'table' ? <TableIcon size={14} /> : <CardsIcon size={14} />}
            {t(`workflows.view.${mode}`)}
          </button>
        ))}
      </fieldset>
    </div>
  );
}
