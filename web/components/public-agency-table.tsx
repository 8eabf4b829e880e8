import { Link } from "./link";
import { useI18n, type MessageKey } from "../i18n";
import type { PublicAgency } from "../lib/public-api";
import { publicAgencyPath, publicRegionPath } from "../lib/router";
import "../styles/compact-table.css";

interface Props {
  agencies: readonly PublicAgency[];
  caption: string;
}

/** Agencies as the public sees them, each linking to its page and its region's. */
export function PublicAgencyTable({ agencies, caption }: Props) {
  const { t } = useI18n();
  return (
    <table className="data-table compact-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("agency")}</th>
          <th scope="col">{t("apLevel")}</th>
          <th scope="col">{t("apKind")}</th>
          <th scope="col">{t("apScope")}</th>
          <th scope="col">{t("regionCode")}</th>
        </tr>
      </thead>
      <tbody>
        {agencies.map((agency) => (
          <tr key={agency.id}>
            <th scope="row">
              <Link to={publicAgencyPath(agency.id)}>{agency.name}</Link>
            </th>
            <td className="cell-words">{t(`level_${agency.level}` as MessageKey)}</td>
            <td className="cell-words">{t(`kind_${agency.kind}` as MessageKey)}</td>
            <td className="cell-words">{t(`scope_${agency.scope}` as MessageKey)}</td>
            <td className="cell-words">
              <Link to={publicRegionPath(agency.region_code)}>{agency.region_code}</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
