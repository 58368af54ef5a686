import type { Workflow } from '@crmflow/contracts';
import { validateGraph } from '@crmflow/flow';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import { useWorkflowActivation } from '../../api/workflows.ts';
import { useErrorMessage } from '../../components/useErrorMessage.ts';
import { SaveAsTemplateButton } from '../../gallery/SaveAsTemplateButton.tsx';
import { FlowCanvas } from '../canvas/FlowCanvas.tsx';
import { CarePreviewPanel } from '../care-preview/CarePreviewPanel.tsx';
import { ConflictWarnings } from '../conflicts/ConflictWarnings.tsx';
import { useCanvasView, useCanvasViewStore, useEditorScope, useEditorStore } from '../EditorProvider.tsx';
import { ImpactPanel } from '../impact/ImpactPanel.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { Palette } from '../palette/Palette.tsx';
import { toEditorDoc, toFlowGraph } from '../store/graph-convert.ts';
import { TestRunPanel } from '../test-run/TestRunPanel.tsx';
import { useEntityNames } from '../validation/useEntityNames.ts';
import { useLiveValidation } from '../validation/useLiveValidation.ts';
import { useValidationContext } from '../validation/useValidationContext.ts';
import { activationMessage } from './activation-message.ts';
import { EditorHeader } from './EditorHeader.tsx';
import { EditorToolbar } from './EditorToolbar.tsx';
import { downloadText, exportFileName, graphFileText, parseGraphFile } from './graph-file.ts';
import { ImportProblemsDialog } from './ImportProblemsDialog.tsx';
import { ReadOnlyBanner } from './ReadOnlyBanner.tsx';
import { useAddFromPalette } from './useAddFromPalette.ts';
import { useEditorShortcuts } from './useEditorShortcuts.ts';
import { UnsavedDialog, useUnsavedGuard } from './useUnsavedGuard.tsx';
import { useWorkflowDraft } from './useWorkflowDraft.ts';

/** The editor around one loaded workflow: header, palette, canvas, inspector or test panel. */
export function WorkflowWorkspace({ workflow, canManage }: { workflow: Workflow; canManage: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const scope = useEditorScope();
  const store = useEditorStore();
  const view = useCanvasViewStore();
  const readOnly = useCanvasView((state) => state.readOnly);
  const draft = useWorkflowDraft(workflow);
  const me = useMe();
  const activation = useWorkflowActivation();
  const context = useValidationContext(scope.module.key);
  const root = useRef<HTMLDivElement>(null);
  // The right-hand side: the inspector, the test run, or (care processes) the next runs.
  const [side, setSide] = useState<'inspector' | 'test' | 'preview' | 'impact'>('inspector');
  const testOpen = side === 'test';
  const toggleSide = (panel: 'test' | 'preview' | 'impact') =>
    setSide((open) => (open === panel ? 'inspector' : panel));
  const [message, setMessage] = useState<{
    tone: 'success' | 'error';
    text: string;
    details?: string[];
  } | null>(null);
  const [importProblems, setImportProblems] = useState<string[] | null>(null);
  const addFromPalette = useAddFromPalette();

  useLiveValidation(context);
  useEntityNames(scope.module.key);
  useEditorShortcuts({ root, store, view, readOnly });
  const blocker = useUnsavedGuard(draft.isDirty);

  useEffect(() => {
    view.setState({ readOnly: workflow.status === 'active', picker: null });
  }, [view, workflow.status]);

  // Good news fades; a failure stays until it is read and closed.
  useEffect(() => {
    if (message?.tone !== 'success') return;
    const timer = setTimeout(() => setMessage(null), 6000);
    return () => clearTimeout(timer);
  }, [message]);

  const save = async () => {
    setMessage(null);
    try {
      const saved = await draft.saveNow();
      const problems = saved.validation?.length ?? 0;
      setMessage({
        tone: 'success',
        text:
          problems > 0
            ? t('editor.header.savedWithProblems', { count: problems })
            : t('editor.header.savedDone'),
      });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    }
  };

  const setActive = async (active: boolean) => {
    setMessage(null);
    try {
      if (active && draft.isDirty()) await draft.saveNow();
      await activation.mutateAsync({ id: workflow.id, active });
      setMessage({
        tone: 'success',
        text: active ? t('editor.header.activated') : t('editor.header.deactivated'),
      });
    } catch (error) {
      setMessage({ tone: 'error', ...activationMessage({ error, t, fallback: errorMessage }) });
    }
  };

  const exportGraph = () =>
    downloadText({
      fileName: exportFileName(draft.name || workflow.name),
      text: graphFileText(toFlowGraph(store.getState())),
    });

  const importGraph = (text: string) => {
    const parsed = parseGraphFile(text);
    if (!parsed.ok) {
      setImportProblems(parsed.notJson ? [t('editor.file.importNotJson')] : parsed.problems);
      return;
    }
    store.getState().replaceDoc(toEditorDoc(parsed.graph));
    const problems = validateGraph({
      graph: parsed.graph,
      module: scope.module.key,
      kind: scope.kind,
      catalog: scope.catalog,
      context,
    }).errors.length;
    setMessage({
      tone: 'success',
      text:
        problems > 0 ? t('editor.file.importedWithProblems', { count: problems }) : t('editor.file.imported'),
    });
  };

  // In the canvas's bottom strip, which the fitted flow leaves free: it covers no step.
  const messageBox = message ? (
    <div
      className={`alert alert--${message.tone} editor-message`}
      role={message.tone === 'error' ? 'alert' : 'status'}
      data-testid="editor-message"
    >
      <div className="alert__body">
        <span>{message.text}</span>
        {message.details?.length ? (
          <ul>
            {message.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <button
        type="button"
        className="btn btn--ghost btn--sm"
        onClick={() => setMessage(null)}
        aria-label={t('editor.file.close')}
      >
        ×
      </button>
    </div>
  ) : null;

  return (
    <div className="editor-page" ref={root} data-testid="workflow-editor">
      <EditorHeader
        workflow={workflow}
        name={draft.name}
        description={draft.description}
        onName={draft.setName}
        onDescription={draft.setDescription}
        dirty={draft.dirty}
        saving={draft.saving}
        working={activation.isPending}
        canManage={canManage}
        testOpen={testOpen}
        previewOpen={side === 'preview'}
        extra={
          canManage ? (
            <SaveAsTemplateButton
              workflow={workflow}
              ensureSaved={async () => {
                if (draft.isDirty()) await draft.saveNow();
              }}
            />
          ) : null
        }
        impactOpen={side === 'impact'}
        actions={{
          onSave: () => void save(),
          onActivate: () => void setActive(true),
          onDeactivate: () => void setActive(false),
          onShowProblems: () => {
            setSide('inspector');
            store.getState().selectOnly([]);
          },
          onToggleTest: () => toggleSide('test'),
          onToggleImpact: () => toggleSide('impact'),
          ...(workflow.kind === 'schedule' ? { onTogglePreview: () => toggleSide('preview') } : {}),
        }}
      />
      {readOnly ? (
        <ReadOnlyBanner
          canManage={canManage}
          busy={activation.isPending}
          onDeactivate={() => void setActive(false)}
        />
      ) : null}
      <ConflictWarnings conflicts={workflow.conflicts ?? []} selfId={workflow.id} />
      <div className={`editor-body${readOnly ? ' editor-body--read-only' : ''}`}>
        {readOnly ? null : <Palette onAdd={addFromPalette} />}
        <FlowCanvas message={messageBox}>
          <EditorToolbar onExport={exportGraph} onImport={importGraph} />
        </FlowCanvas>
        {testOpen ? (
          <TestRunPanel
            workflow={workflow}
            ensureSaved={async () => {
              if (draft.isDirty()) await draft.saveNow();
            }}
            onClose={() => setSide('inspector')}
          />
        ) : side === 'impact' ? (
          <ImpactPanel
            workflow={workflow}
            dirty={draft.dirty}
            timeZone={me.data?.organization.timeZone}
            onClose={() => setSide('inspector')}
          />
        ) : side === 'preview' && workflow.kind === 'schedule' ? (
          <CarePreviewPanel workflow={workflow} dirty={draft.dirty} onClose={() => setSide('inspector')} />
        ) : (
          <Inspector />
        )}
      </div>
      {importProblems ? (
        <ImportProblemsDialog problems={importProblems} onClose={() => setImportProblems(null)} />
      ) : null}
      <UnsavedDialog blocker={blocker} />
    </div>
  );
}
