import { useEffect, useId, useState } from "react";
import { api, unwrap } from "../api";
import { useI18n } from "../i18n";

export interface AgencyChoice {
  id: number;
  name: string;
}

interface Props {
  label: string;
  value: AgencyChoice | null;
  onChange: (choice: AgencyChoice | null) => void;
  /** Only agencies inside this one's subtree (a reviewer's region). */
  under?: number | null;
  /** Only governments: the roots of regions. */
  governmentsOnly?: boolean;
  /** Label of the empty choice, e.g. 无上级 or 全部地区. */
  noneLabel?: string;
  error?: string | null;
}

/**
 * Search, then choose from a native select: keyboard and screen-reader friendly without an ARIA
 * combobox. The chosen agency stays listed even when the search no longer finds it.
 */
export function AgencyPicker(props: Props) {
  const { label, value, onChange, under, governmentsOnly, noneLabel, error } = props;
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<AgencyChoice[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.agencies
        .$get({
          query: {
            q: query.trim() || undefined,
            under: under ? String(under) : undefined,
            kind: governmentsOnly ? "government" : undefined,
            limit: "30",
          },
        })
        .then(unwrap)
        .then(
          (body) => {
            if (!live) return;
            setResults(body.items);
            setFailed(false);
          },
          () => live && setFailed(true),
        );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, under, governmentsOnly]);

  const options = value && !results.some((r) => r.id === value.id) ? [value, ...results] : results;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="agency-picker">
      <legend>{label}</legend>
      <input
        type="search"
        placeholder={t("searchAgencies")}
        aria-label={`${label}：${t("searchAgencies")}`}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <select
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        value={value ? String(value.id) : ""}
        onChange={(event) => {
          const chosen = options.find((o) => String(o.id) === event.target.value);
          onChange(chosen ? { id: chosen.id, name: chosen.name } : null);
        }}
      >
        <option value="">{noneLabel ?? t("chooseOne")}</option>
        {options.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
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
