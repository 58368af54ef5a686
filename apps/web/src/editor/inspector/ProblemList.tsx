import type { ValidationError } from '@crmflow/flow';
import { useLocale } from '../../i18n/useLocale.ts';
import { useFitCanvas } from '../canvas/useFitCanvas.ts';
import { useEditorStore } from '../EditorProvider.tsx';
import { messageOf } from './form-errors.tsx';

/** Problems of the flow in words; each one on a node selects it and brings it into view. */
export function ProblemList({ errors }: { errors: readonly ValidationError[] }) {
  const locale = useLocale();
  const store = useEditorStore();
  const fitCanvas = useFitCanvas();
  const goTo = (nodeId: string) => {
    store.getState().selectOnly([nodeId]);
    fitCanvas({ nodeIds: [nodeId], maxZoom: 1.2 });
  };
  return (
    <ul className="problem-list" data-testid="problem-list">
      {errors.map((error, index) => {
        const text = messageOf(error, locale);
        const { nodeId } = error;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: one problem may repeat word for word on one node.
          <li key={`${error.code}-${index}`} className="problem-list__item">
            {nodeId ? (
              <button type="button" className="problem-list__link" onClick={() => goTo(nodeId)}>
                {text}
              </button>
            ) : (
              <span>{text}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
