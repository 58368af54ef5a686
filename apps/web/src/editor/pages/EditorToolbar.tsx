import { type ChangeEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useFitCanvas } from '../canvas/useFitCanvas.ts';
import { useCanvasView, useEditorStore } from '../EditorProvider.tsx';
import { layoutPositions } from '../store/auto-layout.ts';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';

/**
 * Tools over the canvas: undo, redo, auto layout (dagre, top to bottom, from measured sizes),
 * export and import of the graph as JSON, and the keyboard shortcuts.
 */
export function EditorToolbar({
  onExport,
  onImport,
}: {
  onExport: () => void;
  onImport: (text: string) => void;
}) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const readOnly = useCanvasView((state) => state.readOnly);
  const canUndo = useStore(store.temporal, (state) => state.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (state) => state.futureStates.length > 0);
  const fitCanvas = useFitCanvas();
  const fileInput = useRef<HTMLInputElement>(null);

  const layout = () => {
    store.getState().setPositions(layoutPositions(store.getState()));
    // The fit reads the new positions from the store, not from what React Flow has drawn yet.
    fitCanvas();
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onImport(await file.text());
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.header.toolbar')}>
      {readOnly ? null : (
        <>
          <button
            type="button"
            className="btn btn--sm"
            onClick={() => store.getState().undo()}
            disabled={!canUndo}
            title="Ctrl+Z"
          >
            {t('editor.header.undo')}
          </button>
          <button
            type="button"
            className="btn btn--sm"
            onClick={() => store.getState().redo()}
            disabled={!canRedo}
            title="Ctrl+Y"
          >
            {t('editor.header.redo')}
          </button>
          <button type="button" className="btn btn--sm" onClick={layout}>
            {t('editor.header.layout')}
          </button>
        </>
      )}
      <button type="button" className="btn btn--sm" onClick={onExport}>
        {t('editor.header.export')}
      </button>
      {readOnly ? null : (
        <>
          <button type="button" className="btn btn--sm" onClick={() => fileInput.current?.click()}>
            {t('editor.header.import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            tabIndex={-1}
            aria-label={t('editor.file.choose')}
            onChange={(event) => void onFile(event)}
            data-testid="import-file"
          />
        </>
      )}
      <ShortcutsHelp />
    </div>
  );
}
