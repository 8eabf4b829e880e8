import { useCallback } from "react";
import { api, unwrap } from "../api";
import { useI18n } from "../i18n";
import { SearchPicker } from "./search-picker";

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

const keyOf = (agency: AgencyChoice) => String(agency.id);
const nameOf = (agency: AgencyChoice) => agency.name;

/** An agency, searched by name among those the signed-in user may see. */
export function AgencyPicker({ under, governmentsOnly, ...props }: Props) {
  const { t } = useI18n();
  const search = useCallback(
    (query: string) =>
      api.agencies
        .$get({
          query: {
            q: query || undefined,
            under: under ? String(under) : undefined,
            kind: governmentsOnly ? "government" : undefined,
            limit: "30",
          },
        })
        .then(unwrap)
        .then((body) => body.items.map(({ id, name }) => ({ id, name }))),
    [under, governmentsOnly],
  );
  return (
    <SearchPicker
      {...props}
      searchLabel={t("searchAgencies")}
      search={search}
      keyOf={keyOf}
      nameOf={nameOf}
    />
  );
}
