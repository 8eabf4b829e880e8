import { useI18n } from "../i18n";
import { useAgencyChoice } from "../lib/use-agency-choice";
import { seasonYears } from "../lib/use-season";
import type { useDashboardFilters } from "../lib/use-dashboard-filters";
import { AgencyPicker } from "./agency-picker";
import { Field } from "./field";

const FIRST_YEAR = 2019;

/** Without the season (it could not be read): every year since the format's first. */
function everyYear(): number[] {
  const years: number[] = [];
  for (let y = new Date().getFullYear(); y >= FIRST_YEAR; y--) years.push(y);
  return years;
}

interface Props {
  filters: ReturnType<typeof useDashboardFilters>;
  /** The region report always reads published figures. */
  withBasis?: boolean;
}

export function DashboardFilters({ filters, withBasis = true }: Props) {
  const { t } = useI18n();
  const { setParams, staff, year, under, basis, season } = filters;
  const region = useAgencyChoice(under);
  const years = season ? seasonYears(season, year) : everyYear();

  return (
    <div className="dashboard-filters">
      <Field label={t("year")}>
        {(props) => (
          <select
            {...props}
            value={String(year)}
            onChange={(e) => setParams({ year: e.target.value })}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        )}
      </Field>
      <AgencyPicker
        label={t("dbRegion")}
        value={region}
        governmentsOnly
        onChange={(choice) => setParams({ under: choice ? String(choice.id) : null })}
      />
      {withBasis && staff && (
        <Field label={t("dbBasis")}>
          {(props) => (
            <select
              {...props}
              value={basis}
              onChange={(e) =>
                setParams({ basis: e.target.value === "current" ? "current" : null })
              }
            >
              <option value="published">{t("dbBasis_published")}</option>
              <option value="current">{t("dbBasis_current")}</option>
            </select>
          )}
        </Field>
      )}
    </div>
  );
}
