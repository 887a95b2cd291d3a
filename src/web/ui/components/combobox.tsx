import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** One choice: its value and what the user reads. */
export type Option = { value: string; label: string; hint?: string };

type Props = {
  label: string;
  /** Finds the options for what was typed (vocabulary terms, or records through the API). */
  search: (text: string) => Promise<Option[]>;
  onChoose: (option: Option) => void;
  /** The chosen option's label, shown while nothing is typed. */
  chosen?: string;
  lang?: string;
  placeholder?: string;
  describedBy?: string;
};

/**
 * Search-as-you-type (the WAI-ARIA combobox pattern): type, move with the arrow keys, choose with
 * Enter, close with Escape; the list is announced to screen readers.
 */
export function Combobox({ label, search, onChoose, chosen, lang, placeholder, describedBy }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const asked = useRef(0);
  // The latest search function, without re-running the search whenever the parent re-renders.
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    if (!open) return;
    const ask = ++asked.current;
    const timer = setTimeout(() => {
      searchRef.current(text).then((found) => {
        if (ask !== asked.current) return;
        setOptions(found.slice(0, 20));
        setActive(found.length > 0 ? 0 : -1);
      });
    }, 120);
    return () => clearTimeout(timer);
  }, [text, open]);

  const choose = (option: Option) => {
    onChoose(option);
    setText('');
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter' && open && active >= 0 && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') setOpen(false);
  };
  const listId = `${id}-list`;
  return (
    <div className="combobox">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        lang={lang}
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-describedby={describedBy}
        aria-activedescendant={open && active >= 0 ? `${id}-option-${active}` : undefined}
        placeholder={chosen ?? placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {chosen && <span className="chosen">{chosen}</span>}
      <div id={listId} role="listbox" aria-label={label} hidden={!open}>
        {open && options.length === 0 && (
          <div role="option" tabIndex={-1} aria-disabled="true" aria-selected="false" className="none">
            {t('combobox.noMatch')}
          </div>
        )}
        {open &&
          options.map((option, i) => (
            <div
              key={option.value}
              tabIndex={-1}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
            >
              {option.label}
              {option.hint && <span className="hint"> · {option.hint}</span>}
            </div>
          ))}
      </div>
    </div>
  );
}
