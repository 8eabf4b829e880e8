import { useI18n, type MessageKey } from "../i18n";

export interface AgencyView {
  id: number;
  name: string;
  level: string;
  kind: string;
  scope: string;
  region_code: string;
  path: string;
}

interface Props {
  agencies: AgencyView[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}

export function AgencyList({ agencies, selectedId, onSelect }: Props) {
  const { t } = useI18n();
  const rootDepth = Math.min(...agencies.map(depth));
  return (
    <ul className="agency-list">
      {agencies.map((agency) => (
        <li
          key={agency.id}
          style={{ paddingInlineStart: `${(depth(agency) - rootDepth) * 0.9}rem` }}
        >
          <button
            type="button"
            aria-current={agency.id === selectedId ? "true" : undefined}
            onClick={() => onSelect(agency.id)}
          >
            <span className="agency-name">{agency.name}</span>
            <span className="tag">{t(`level_${agency.level}` as MessageKey)}</span>
            {agency.kind === "department" && <span className="tag">{t("kind_department")}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

const depth = (agency: AgencyView) => agency.path.split("/").length - 2;
