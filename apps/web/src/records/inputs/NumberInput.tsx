import { type InputHTMLAttributes, useEffect, useState } from 'react';
import { toNumber } from '../format.ts';

type Native = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

export interface NumberInputProps extends Native {
  value: number | null;
  onValueChange: (value: number | null) => void;
}

/** A number input that keeps what is being typed ("1.", "-") while reporting numbers only. */
export function NumberInput({ value, onValueChange, className, ...native }: NumberInputProps) {
  const [text, setText] = useState(value === null ? '' : String(value));

  useEffect(() => {
    setText((current) => (toNumber(current) === value ? current : value === null ? '' : String(value)));
  }, [value]);

  return (
    <input
      {...native}
      type="number"
      step="any"
      className={`input input--numeric ${className ?? ''}`}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onValueChange(toNumber(event.target.value));
      }}
    />
  );
}
