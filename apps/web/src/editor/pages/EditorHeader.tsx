import type { Workflow } from '@crmflow/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronLeftIcon } from '../../components/icons.tsx';
import { ReasonTip } from '../../components/ReasonTip.tsx';
import { listPathOf } from '../../workflows/workflow-paths.ts';
import { useCanvasView } from '../EditorProvider.tsx';

export interface HeaderActions {
  onSave: () => void;
  onActivate: () => void;
  onDeactivate: () => void;
  onShowProblems: () => void;
  onToggleTest: () => void;
  /** Care processes only: shows or hides the next runs. */
  onTogglePreview?: () => void;
  /** Shows or hides "Nếu kích hoạt…", the impact preview. */
  onToggleImpact?: () => void;
}

/**
 * The editor's top bar: back to the list, the editable name and description, status and
 * version, unsaved marker, Save, Activate / Deactivate with the reasons it cannot, Test run.
 */
export function EditorHeader({
  workflow,
  name,
  description,
  onName,
  onDescription,
  dirty,
  saving,
  working,
  canManage,
  testOpen,
  previewOpen = false,
  impactOpen = false,
  actions,
  extra,
}: {
  workflow: Workflow;
  name: string;
  description: string;
  onName: (name: string) => void;
  onDescription: (description: string) => void;
  dirty: boolean;
  saving: boolean;
  working: boolean;
  canManage: boolean;
  testOpen: boolean;
  previewOpen?: boolean;
  impactOpen?: boolean;
  actions: HeaderActions;
  /** More buttons at the start of the actions, such as "Lưu thành mẫu". */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const errors = useCanvasView((state) => state.errors);
  const active = workflow.status === 'active';
  const blocked = errors.length > 0;
  const activateReason = !canManage
    ? t('editor.activation.managersOnly')
    : blocked
      ? t('editor.activation.blocked', { count: errors.length })
      : null;
  // The reason stays short in the bar (the count); its full sentence names the button.
  const reasonLabel = !canManage
    ? t('editor.activation.managersShort')
    : t('editor.canvas.errors', { count: errors.length });

  return (
    <header className="editor-header">
      <Link
        to={listPathOf[workflow.kind]}
        className="btn btn--ghost btn--icon"
        aria-label={t('editor.header.back')}
        title={t('editor.header.back')}
      >
        <ChevronLeftIcon />
      </Link>
      <div className="editor-header__titles">
        {/* The page's title for screen readers' outline; the name is edited in the field below. */}
        <h1 className="visually-hidden">{workflow.name}</h1>
        <input
          className="editor-header__name"
          aria-label={t('editor.header.name')}
          value={name}
          maxLength={200}
          readOnly={active}
          onChange={(event) => onName(event.target.value)}
        />
        <div className="editor-header__subline">
          <input
            className="editor-header__description"
            aria-label={t('editor.header.description')}
            placeholder={active ? '' : t('editor.header.descriptionPlaceholder')}
            value={description}
            maxLength={2000}
            readOnly={active}
            onChange={(event) => onDescription(event.target.value)}
          />
          <div className="editor-header__meta">
            <span className="badge">{t(`editor.kind.${workflow.kind}`)}</span>
            <span className={`badge ${active ? 'badge--success' : ''}`} data-testid="workflow-status">
              {active ? t('editor.header.active') : t('editor.header.inactive')}
            </span>
            <span className="muted">{t('editor.header.version', { version: workflow.version })}</span>
            {active ? null : (
              <span
                className={`editor-header__dirty${dirty ? ' editor-header__dirty--on' : ''}`}
                role="status"
                data-testid="dirty-state"
              >
                {dirty ? t('editor.header.unsaved') : t('editor.header.saved')}
              </span>
            )}
          </div>
        </div>
      </div>
      <div className="editor-header__actions">
        {extra}
        {!active && activateReason ? (
          <button
            type="button"
            className="editor-header__reason"
            onClick={actions.onShowProblems}
            aria-label={activateReason}
            title={activateReason}
          >
            <span aria-hidden="true">⚠ {reasonLabel}</span>
          </button>
        ) : null}
        {actions.onTogglePreview ? (
          <button
            type="button"
            className={`btn${previewOpen ? ' btn--active' : ''}`}
            aria-pressed={previewOpen}
            onClick={actions.onTogglePreview}
            data-testid="care-preview-toggle"
          >
            {t('editor.carePreview.open')}
          </button>
        ) : null}
        {actions.onToggleImpact ? (
          <button
            type="button"
            className={`btn${impactOpen ? ' btn--active' : ''}`}
            aria-pressed={impactOpen}
            onClick={actions.onToggleImpact}
            data-testid="impact-toggle"
          >
            {t('impact.open')}
          </button>
        ) : null}
        <button
          type="button"
          className={`btn${testOpen ? ' btn--active' : ''}`}
          aria-pressed={testOpen}
          onClick={actions.onToggleTest}
        >
          {t('editor.header.testRun')}
        </button>
        {active ? (
          <ReasonTip reason={canManage ? null : t('editor.activation.managersOnly')}>
            {(unavailable) => (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  if (canManage) actions.onDeactivate();
                }}
                disabled={working}
                data-testid="editor-deactivate"
                {...unavailable}
              >
                {working ? t('editor.header.working') : t('editor.header.deactivate')}
              </button>
            )}
          </ReasonTip>
        ) : (
          <>
            <button
              type="button"
              className="btn"
              onClick={actions.onSave}
              disabled={saving}
              data-testid="editor-save"
            >
              {saving ? t('editor.header.saving') : t('editor.header.save')}
            </button>
            <ReasonTip reason={activateReason}>
              {(unavailable) => (
                <button
                  type="button"
                  className="btn btn--primary"
                  onClick={() => {
                    if (!activateReason) actions.onActivate();
                  }}
                  disabled={working || saving}
                  data-testid="editor-activate"
                  {...unavailable}
                >
                  {working ? t('editor.header.working') : t('editor.header.activate')}
                </button>
              )}
            </ReasonTip>
          </>
        )}
      </div>
    </header>
  );
}
