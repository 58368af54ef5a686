import { type KeyboardEvent, useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale.ts';
import {
  useCanvasView,
  useCanvasViewStore,
  useEditor,
  useEditorScope,
  useEditorStore,
} from '../EditorProvider.tsx';
import { connectTargets } from '../store/connect-targets.ts';
import { describeStep } from './describe-step.ts';
import { focusStep } from './focus-step.ts';

/**
 * "Nối tới…": the steps the selected step may be joined to, by the rules a drag follows, each one
 * a button. Arrows move between them, Enter joins (one undoable step), Escape closes; the focus
 * goes back where it came from, or to the step when that place is gone.
 */
export function ConnectMenu() {
  const request = useCanvasView((state) => state.connecting);
  if (!request) return null;
  return <ConnectList key={request.sourceId} sourceId={request.sourceId} />;
}

function ConnectList({ sourceId }: { sourceId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const scope = useEditorScope();
  const store = useEditorStore();
  const view = useCanvasViewStore();
  const names = useCanvasView((state) => state.names);
  const nodes = useEditor((state) => state.nodes);
  const edges = useEditor((state) => state.edges);
  const titleId = useId();
  const list = useRef<HTMLUListElement>(null);
  const opener = useRef<Element | null>(null);

  const describe = useMemo(() => {
    const byId = new Map(nodes.map((node) => [node.id, node]));
    return (id: string) => {
      const node = byId.get(id);
      if (!node) return { label: id, full: id };
      const { nodeType, config } = node.data;
      const step = describeStep({ nodeType, config, ...scope, locale, names });
      return { label: step.label, full: step.summary ? `${step.label} — ${step.summary}` : step.label };
    };
  }, [nodes, scope, locale, names]);
  const targets = useMemo(
    () => connectTargets({ doc: { nodes, edges }, source: sourceId }),
    [nodes, edges, sourceId],
  );
  const source = describe(sourceId);

  useEffect(() => {
    opener.current = document.activeElement;
    const first = list.current?.querySelector('button') ?? document.getElementById(`${titleId}-close`);
    first?.focus();
  }, [titleId]);

  const close = () => {
    view.setState({ connecting: null });
    const back = opener.current;
    if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
    else focusStep(sourceId);
  };
  const choose = (target: string, handle: 'true' | 'false' | null) => {
    const joined = store
      .getState()
      .connect({ source: sourceId, target, sourceHandle: handle, targetHandle: null });
    if (joined)
      view.setState({
        notice: t('editor.connect.done', { source: source.full, target: describe(target).full }),
      });
    close();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    if (buttons.length === 0) return;
    event.preventDefault();
    const at = buttons.findIndex((button) => button === document.activeElement);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    buttons[(at + step + buttons.length) % buttons.length]?.focus();
  };

  return (
    <div
      className="connect-menu nodrag nopan nowheel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      data-testid="connect-menu"
    >
      <h2 className="connect-menu__title" id={titleId}>
        {t('editor.connect.title', { label: source.label })}
      </h2>
      {targets.length === 0 ? (
        <p className="connect-menu__empty">{t('editor.connect.none')}</p>
      ) : (
        <ul className="connect-menu__list" ref={list} aria-labelledby={titleId}>
          {targets.map(({ target, handle }) => (
            <li key={`${handle ?? ''}:${target}`}>
              <button type="button" className="connect-menu__item" onClick={() => choose(target, handle)}>
                {handle ? (
                  <span className={`connect-menu__branch connect-menu__branch--${handle}`}>
                    {t(`editor.connect.${handle}`)}
                  </span>
                ) : null}
                <span>{describe(target).full}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="connect-menu__hint">{t('editor.connect.hint')}</p>
      <button type="button" id={`${titleId}-close`} className="btn btn--sm" onClick={close}>
        {t('editor.connect.close')}
      </button>
    </div>
  );
}
