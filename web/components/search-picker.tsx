import { useEffect, useId, useState } from "react";
import { useI18n } from "../i18n";

interface Props<T> {
  label: string;
  /** The search box's placeholder, e.g. 搜索机构. */
  searchLabel: string;
  value: T | null;
  onChange: (choice: T | null) => void;
  /** What a query finds; keep it stable (useCallback): a new function searches again. */
  search: (query: string) => Promise<T[]>;
  keyOf: (choice: T) => string;
  nameOf: (choice: T) => string;
  /** Label of the empty choice, e.g. 无上级 or 全部地区. */
  noneLabel?: string;
  error?: string | null;
}

const DEBOUNCE_MS = 250;

/**
 * Search, then choose from a native select: keyboard and screen-reader friendly without an ARIA
 * combobox. The chosen item stays listed even when the search no longer finds it.
 */
export function SearchPicker<T>(props: Props<T>) {
  const { label, searchLabel, value, onChange, search, keyOf, nameOf, noneLabel, error } = props;
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<T[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      search(query.trim()).then(
        (found) => {
          if (!live) return;
          setResults(found);
          setFailed(false);
        },
        () => live && setFailed(true),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, search]);

  const chosenKey = value ? keyOf(value) : "";
  const options =
    value && !results.some((r) => keyOf(r) === chosenKey) ? [value, ...results] : results;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="agency-picker">
      <legend>{label}</legend>
      <input
        type="search"
        placeholder={searchLabel}
        aria-label={`${label}：${searchLabel}`}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <select
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        value={chosenKey}
        onChange={(event) => onChange(options.find((o) => keyOf(o) === event.target.value) ?? null)}
      >
        <option value="">{noneLabel ?? t("chooseOne")}</option>
        {options.map((option) => (
          <option key={keyOf(option)} value={keyOf(option)}>
            {nameOf(option)}
          </option>
        ))}
      </select>
      {failed && <small className="field-error">{t("loadFailed")}</small>}
      {error && (
        <small id={errorId} className="field-error">
          {error}
        </small>
      )}
    </fieldset>
  );
}
