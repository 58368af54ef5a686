import type { ReactNode } from 'react';

/**
 * A panel beside the canvas in the inspector's place ("Chạy thử", "Lịch chạy tới"): a landmark
 * named by its title, with a close button named for screen readers.
 */
export function SidePanel({
  title,
  closeLabel,
  testId,
  onClose,
  children,
}: {
  title: string;
  closeLabel: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <aside className="inspector test-panel" aria-label={title} data-testid={testId}>
      <header className="inspector__head">
        <h2 className="inspector__title">{title}</h2>
        <button type="button" className="btn btn--ghost btn--sm" onClick={onClose} aria-label={closeLabel}>
          ×
        </button>
      </header>
      {children}
    </aside>
  );
}
