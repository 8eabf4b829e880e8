import { api, unwrap } from "../api";
import { useI18n } from "../i18n";
import { SearchPicker } from "./search-picker";

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

const keyOf = (region: RegionChoice) => region.code;
const nameOf = (region: RegionChoice) => region.name;

async function searchRegions(query: string): Promise<RegionChoice[]> {
  const body = await api.public.agencies
    .$get({ query: { kind: "government", q: query || undefined, limit: "50" } })
    .then(unwrap);
  return regionChoices(body.items);
}

/** A province, city or county, searched and chosen by its government's name. */
export function RegionPicker(props: Props) {
  const { t } = useI18n();
  return (
    <SearchPicker
      {...props}
      searchLabel={t("ebSearchRegions")}
      search={searchRegions}
      keyOf={keyOf}
      nameOf={nameOf}
    />
  );
}
