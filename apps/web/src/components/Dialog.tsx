import { type ReactNode, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import '../styles/dialog.css';

export interface DialogProps {
  title: string;
  children: ReactNode;
  footer: ReactNode;
  onClose: () => void;
}

const focusable =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** A modal dialog: focus moves in, stays in (Tab wraps), Escape or a click outside closes, focus returns to the opener. */
export function Dialog({ title, children, footer, onClose }: DialogProps) {
  const titleId = useId();
  const backdrop = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = panel.current;
    const first =
      root?.querySelector<HTMLElement>('[data-autofocus]') ?? root?.querySelector<HTMLElement>(focusable);
    first?.focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        close.current();
        return;
      }
      if (event.key !== 'Tab' || !root) return;
      const items = [...root.querySelectorAll<HTMLElement>(focusable)];
      const firstItem = items[0];
      const lastItem = items[items.length - 1];
      if (!firstItem || !lastItem) return;
      if (event.shiftKey && document.activeElement === firstItem) {
        event.preventDefault();
        lastItem.focus();
      } else if (!event.shiftKey && document.activeElement === lastItem) {
        event.preventDefault();
        firstItem.focus();
      }
    };
    const onPointerDown = (event: MouseEvent) => {
      if (event.target === backdrop.current) close.current();
    };
    root?.addEventListener('keydown', onKeyDown);
    backdrop.current?.addEventListener('mousedown', onPointerDown);
    const backdropNode = backdrop.current;
    return () => {
      root?.removeEventListener('keydown', onKeyDown);
      backdropNode?.removeEventListener('mousedown', onPointerDown);
      opener?.focus();
    };
  }, []);

  return createPortal(
    <div className="dialog-backdrop" ref={backdrop}>
      <div ref={panel} className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <div className="dialog__header">
          <h2 id={titleId}>{title}</h2>
        </div>
        <div className="dialog__body">{children}</div>
        <div className="dialog__footer">{footer}</div>
      </div>
    </div>,
    document.body,
  );
}
