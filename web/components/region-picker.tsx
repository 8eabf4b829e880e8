import { useEffect, useId, useState } from "react";
import { api, unwrap } from "../api";
import { useI18n } from "../i18n";

/** A region as a reader knows it: by its government's name; the code is what an embed needs. */
export interface RegionChoice {
  code: string;
  name: string;
}

interface Props {
  label: string;
  value: RegionChoice | null;
  onChange: (choice: RegionChoice | null) => void;
  error?: string | null;
}

type Government = { name: string; level: string; region_code: string };

/**
 * The regions a search finds, one per code. Township governments share their county's code, so
 * a region by code is the county's: they are left out rather than offered as the county.
 */
function regionChoices(governments: readonly Government[]): RegionChoice[] {
  const choices: RegionChoice[] = [];
  for (const g of governments) {
    if (g.level === "township" || choices.some((c) => c.code === g.region_code)) continue;
    choices.push({ code: g.region_code, name: g.name });
  }
  return choices;
}

/** The region a code stands for, named by its government; null when no government carries it. */
export async function findRegion(code: string): Promise<RegionChoice | null> {
  const full = code.padEnd(6, "0");
  const body = await api.public.agencies
    .$get({ query: { kind: "government", region: full, limit: "50" } })
    .then(unwrap);
  return regionChoices(body.items.filter((g) => g.region_code === full))[0] ?? null;
}

/**
 * Search by name, then choose from a native select (as `AgencyPicker` does): provinces, cities
 * and counties, by their governments' names; the chosen one stays listed.
 */
export function RegionPicker({ label, value, onChange, error }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<RegionChoice[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.public.agencies
        .$get({ query: { kind: "government", q: query.trim() || undefined, limit: "50" } })
        .then(unwrap)
        .then(
          (body) => {
            if (!live) return;
            setResults(regionChoices(body.items));
            setFailed(false);
          },
          () => live && setFailed(true),
        );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const options =
    value && !results.some((r) => r.code === value.code) ? [value, ...results] : results;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="agency-picker">
      <legend>{label}</legend>
      <input
        type="search"
        placeholder={t("ebSearchRegions")}
        aria-label={`${label}：${t("ebSearchRegions")}`}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <select
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        value={value?.code ?? ""}
        onChange={(event) => onChange(options.find((o) => o.code === event.target.value) ?? null)}
      >
        <option value="">{t("chooseOne")}</option>
        {options.map((region) => (
          <option key={region.code} value={region.code}>
            {region.name}
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
