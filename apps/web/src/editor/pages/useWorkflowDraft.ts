import type { Workflow } from '@crmflow/contracts';
import type { FlowGraph } from '@crmflow/flow';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSaveWorkflow } from '../../api/workflows.ts';
import { useEditorStore } from '../EditorProvider.tsx';
import { toFlowGraph } from '../store/graph-convert.ts';

interface DraftParts {
  graph: FlowGraph;
  name: string;
  description: string;
}

const signatureOf = (parts: DraftParts) =>
  JSON.stringify([parts.name.trim(), parts.description.trim(), parts.graph]);

/**
 * The workflow being edited: its name and description, the graph in the editor store, whether
 * they differ from what was last saved, and saving them (PUT: a changed graph is a new version).
 * Dirtiness is computed from the content, so undoing back to the saved graph is clean again.
 */
export function useWorkflowDraft(workflow: Workflow) {
  const store = useEditorStore();
  const save = useSaveWorkflow();
  const [name, setName] = useState(workflow.name);
  const [description, setDescription] = useState(workflow.description);
  const parts = useRef({ name: workflow.name, description: workflow.description });
  parts.current = { name, description };
  const saved = useRef(signatureOf({ graph: toFlowGraph(store.getState()), ...parts.current }));
  const [dirty, setDirty] = useState(false);

  const current = useCallback(
    (): DraftParts => ({ graph: toFlowGraph(store.getState()), ...parts.current }),
    [store],
  );
  const isDirty = useCallback(() => signatureOf(current()) !== saved.current, [current]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setDirty(isDirty()), 150);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [store, isDirty]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the texts typed are what changed.
  useEffect(() => setDirty(isDirty()), [name, description, isDirty]);

  const saveNow = useCallback(async (): Promise<Workflow> => {
    const sent = current();
    const result = await save.mutateAsync({
      id: workflow.id,
      name: sent.name.trim() || workflow.name,
      description: sent.description.trim(),
      graph: sent.graph,
    });
    // What was sent is what is saved, even if the user kept editing while it travelled.
    saved.current = signatureOf(sent);
    setDirty(isDirty());
    return result;
  }, [current, save, workflow.id, workflow.name, isDirty]);

  return {
    name,
    setName,
    description,
    setDescription,
    dirty,
    isDirty,
    saveNow,
    saving: save.isPending,
    current,
  };
}
