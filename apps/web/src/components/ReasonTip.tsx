import { type ReactNode, useId } from 'react';

/** What a control wrapped in `ReasonTip` puts on itself while it cannot be used. */
export type Unavailable = { 'aria-disabled'?: true; 'aria-describedby'?: string };

/**
 * A control that cannot be used now and says why. It stays in the tab order (`aria-disabled`, not
 * `disabled`), so a keyboard user reaches it; the reason shows beside it on hover and on focus,
 * and a screen reader reads it as the control's description. With no reason, the control is
 * rendered as it is. The control itself must ignore activation while `aria-disabled` is set.
 */
export function ReasonTip({
  reason,
  className,
  children,
}: {
  reason: string | null | undefined;
  /** More classes on the wrapper, e.g. `reason-tip--block` for a control as wide as its column. */
  className?: string;
  children: (unavailable: Unavailable) => ReactNode;
}) {
  const id = useId();
  if (!reason) return <>{children({})}</>;
  return (
    <span className={className ? `reason-tip ${className}` : 'reason-tip'}>
      {children({ 'aria-disabled': true, 'aria-describedby': id })}
      <span role="tooltip" id={id} className="reason-tip__text">
        {reason}
      </span>
    </span>
  );
}
