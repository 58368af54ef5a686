import { useEffect, useRef, useState } from 'react';
import { SearchIcon } from '../components/icons.tsx';
import { useDebouncedValue } from './useDebouncedValue.ts';

export const SEARCH_DEBOUNCE_MS = 300;

export interface SearchBoxProps {
  value: string;
  onSearch: (q: string) => void;
  /** The input's accessible name. */
  label: string;
  placeholder: string;
}

/** A search input that reports what was typed once the user pauses. */
export function SearchBox({ value, onSearch, label, placeholder }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const settled = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const reported = useRef(value);

  useEffect(() => {
    if (settled === reported.current) return;
    reported.current = settled;
    onSearch(settled);
  }, [settled, onSearch]);

  return (
    <div className="search">
      <span className="search__icon">
        <SearchIcon />
      </span>
      <input
        type="search"
        className="input"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}
