import { absentAsNull, api, unwrap } from "../api";
import { useI18n, type MessageKey } from "../i18n";
import { reportParam } from "../lib/api-types";
import { reportPath } from "../lib/router";
import { useRequest } from "../lib/use-request";
import type { Season } from "../lib/use-season";
import { Link } from "./link";

interface Props {
  agencyId: number;
  kind: "government" | "department";
  season: Season & { open_year: number };
  now?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `now` to the end of `day` in China Standard Time; negative once it passed. */
export function daysLeft(day: string, now: Date): number {
  return Math.ceil((new Date(`${day}T24:00:00+08:00`).getTime() - now.getTime()) / DAY_MS);
}

/**
 * The open year's report of the user's own agency: where it stands, how long until its deadline
 * and the one step that carries it on (start, continue, or read it).
 */
export function SeasonCard({ agencyId, kind, season, now = new Date() }: Props) {
  const { t } = useI18n();
  const year = season.open_year;
  const { state } = useRequest(
    () =>
      absentAsNull(
        api.agencies[":id"].reports[":year"]
          .$get({ param: reportParam(agencyId, year), query: {} })
          .then(unwrap),
      ),
    [agencyId, year],
  );
  if (state.kind !== "ready") return null;
  const status = state.data?.report.status ?? null;
  const deadline =
    kind === "government"
      ? season.deadlines?.government_deadline
      : season.deadlines?.department_deadline;
  const days = deadline ? daysLeft(deadline, now) : null;
  const path = reportPath(agencyId, year);
  const [to, action]: [string, MessageKey] =
    status === null
      ? [`${path}/edit`, "seasonStart"]
      : status === "draft" || status === "returned"
        ? [`${path}/edit`, "seasonContinue"]
        : [path, "seasonView"];
  return (
    <section className="season-card" aria-labelledby="season-title">
      <h3 id="season-title">{t("seasonTitle", { year })}</h3>
      <p>
        <span className={`status status-${status ?? "none"}`}>
          {status === null ? t("seasonNotStarted") : t(`status_${status}`)}
        </span>
        {days !== null && deadline && status !== "approved" && status !== "submitted" && (
          <span className={days < 0 ? "count-error" : "muted"}>
            {days >= 0
              ? t("seasonDaysLeft", { date: deadline, days })
              : t("seasonOverdue", { date: deadline, days: -days })}
          </span>
        )}
      </p>
      <Link className="button-link" to={to}>
        {t(action, { year })}
      </Link>
    </section>
  );
}
