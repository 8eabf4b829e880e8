import { useI18n, type MessageKey } from "../i18n";
import { REPORT_STATUSES } from "../../worker/report/vocabulary";
import { useSession } from "../lib/session";
import { useAgencyChoice } from "../lib/use-agency-choice";
import type { useUrlState } from "../lib/use-url-state";
import { AgencyPicker } from "./agency-picker";
import { Field } from "./field";

type Params = ReturnType<typeof useUrlState>;

/** Status the queue shows when the URL names none: what is waiting for a reviewer. */
export const DEFAULT_STATUS = "submitted";
const FIRST_YEAR = 2019;
const FINDINGS = ["errors", "warnings", "any", "none"] as const;

/** The review queue's filters, all kept in the query string so a link reproduces the queue. */
export function ReviewFilters({ params: [params, setParams] }: { params: Params }) {
  const { t } = useI18n();
  const { user } = useSession();
  const underId = params.get("under") ? Number(params.get("under")) : null;
  const region = useAgencyChoice(underId);
  const set = (key: string, value: string) => setParams({ [key]: value || null, offset: null });
  const years: number[] = [];
  for (let y = new Date().getFullYear(); y >= FIRST_YEAR; y--) years.push(y);

  return (
    <div className="filter-bar" role="group" aria-label={t("filters")}>
      <Field label={t("year")}>
        {(c) => (
          <select
            {...c}
            value={params.get("year") ?? ""}
            onChange={(e) => set("year", e.target.value)}
          >
            <option value="">{t("allYears")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("status")}>
        {(c) => (
          <select
            {...c}
            value={params.get("status") ?? DEFAULT_STATUS}
            onChange={(e) => set("status", e.target.value === DEFAULT_STATUS ? "" : e.target.value)}
          >
            <option value="all">{t("allStatuses")}</option>
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status_${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("lateness")}>
        {(c) => (
          <select
            {...c}
            value={params.get("late") ?? ""}
            onChange={(e) => set("late", e.target.value)}
          >
            <option value="">{t("any")}</option>
            <option value="true">{t("lateOnly")}</option>
            <option value="false">{t("onTimeOnly")}</option>
          </select>
        )}
      </Field>
      <Field label={t("findings")}>
        {(c) => (
          <select
            {...c}
            value={params.get("has_findings") ?? ""}
            onChange={(e) => set("has_findings", e.target.value)}
          >
            <option value="">{t("any")}</option>
            {FINDINGS.map((f) => (
              <option key={f} value={f}>
                {t(`findings_${f}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <AgencyPicker
        label={t("region")}
        value={region ?? (underId ? { id: underId, name: `#${underId}` } : null)}
        onChange={(choice) => set("under", choice ? String(choice.id) : "")}
        governmentsOnly
        under={user?.role === "reviewer" ? user.region_agency_id : null}
        noneLabel={t("allRegions")}
      />
    </div>
  );
}
