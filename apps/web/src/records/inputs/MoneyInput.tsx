import { type InputHTMLAttributes, useEffect, useState } from 'react';
import { formatMoneyInput, parseMoneyInput } from '../format.ts';

type Native = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

export interface MoneyInputProps extends Native {
  value: number | null;
  onValueChange: (value: number | null) => void;
}

/** An amount in VND, grouped as the user types (`1.234.567`), with the ₫ sign beside it. */
export function MoneyInput({ value, onValueChange, className, ...native }: MoneyInputProps) {
  const [text, setText] = useState(() => formatMoneyInput(value));

  useEffect(() => {
    setText((current) => (parseMoneyInput(current) === value ? current : formatMoneyInput(value)));
  }, [value]);

  return (
    <span className="money">
      <input
        {...native}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={`input input--numeric ${className ?? ''}`}
        value={text}
        onChange={(event) => {
          const amount = parseMoneyInput(event.target.value);
          const negative = event.target.value.trim() === '-';
          setText(negative ? '-' : formatMoneyInput(amount));
          onValueChange(amount);
        }}
      />
      <span className="money__sign" aria-hidden="true">
        ₫
      </span>
    </span>
  );
}
