import { useEffect, useState } from "react";
import { api, unwrap } from "../api";
import { AgencyList } from "../components/agency-list";
import { ReportCard } from "../components/report-card";
import { SeasonCard } from "../components/season-card";
import { useI18n, type MessageKey } from "../i18n";
import { useRequest } from "../lib/use-request";
import { useSeason } from "../lib/use-season";
import { useSession } from "../lib/session";
import { useUrlState } from "../lib/use-url-state";

const LEVELS = ["province", "city", "county", "township"] as const;

/** The first view of the data: agencies on the left, the chosen one's reports and findings. */
export function AgenciesPage() {
  const { t } = useI18n();
  const [params, setParams] = useUrlState();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const level = params.get("level") ?? "";
  const { user } = useSession();
  // A submitter's home is their own agency's reports, with the open year on top.
  const selectedId = params.get("agency")
    ? Number(params.get("agency"))
    : user?.role === "submitter"
      ? user.agency_id
      : null;

  useEffect(() => {
    const timer = setTimeout(() => setParams({ q: search || null }), 250);
    return () => clearTimeout(timer);
  }, [search, setParams]);

  const agencies = useRequest(
    () =>
      api.agencies
        .$get({
          query: {
            q: params.get("q") || undefined,
            level: (level || undefined) as (typeof LEVELS)[number] | undefined,
            limit: "1000",
          },
        })
        .then(unwrap),
    [params.get("q"), level],
  );

  return (
    <div className={selectedId === null ? "agencies-page" : "agencies-page chosen"}>
      <aside className="agency-pane" aria-label={t("agencies")}>
        <div className="filters">
          <input
            type="search"
            value={search}
            placeholder={t("searchAgencies")}
            aria-label={t("searchAgencies")}
            onChange={(event) => setSearch(event.target.value)}
          />
          <select
            aria-label={t("allLevels")}
            value={level}
            onChange={(event) => setParams({ level: event.target.value || null })}
          >
            <option value="">{t("allLevels")}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level_${l}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        {agencies.state.kind === "loading" && <p>{t("loading")}</p>}
        {agencies.state.kind === "error" && (
          <p role="alert">
            {t("loadFailed")}: {agencies.state.message}{" "}
            <button onClick={agencies.retry}>{t("retry")}</button>
          </p>
        )}
        {agencies.state.kind === "ready" && (
          <>
            <p className="muted">
              {t("total")} {agencies.state.data.total} {t("items")}
            </p>
            <AgencyList
              agencies={agencies.state.data.items}
              selectedId={selectedId}
              onSelect={(id) => setParams({ agency: String(id) })}
            />
          </>
        )}
      </aside>
      <main className="report-pane">
        {selectedId === null ? (
          <p className="placeholder">{t("chooseAgency")}</p>
        ) : (
          <AgencyReports agencyId={selectedId} />
        )}
      </main>
    </div>
  );
}

function AgencyReports({ agencyId }: { agencyId: number }) {
  const { t } = useI18n();
  const { user } = useSession();
  const season = useSeason();
  const own = user?.role === "submitter" && user.agency_id === agencyId;
  const agency = useRequest(
    () =>
      Promise.all([
        api.agencies[":id"].$get({ param: { id: String(agencyId) } }).then(unwrap),
        api.agencies[":id"].reports.$get({ param: { id: String(agencyId) } }).then(unwrap),
      ]),
    [agencyId],
  );
  if (agency.state.kind === "loading") return <p>{t("loading")}</p>;
  if (agency.state.kind === "error")
    return (
      <p role="alert">
        {t("loadFailed")}: {agency.state.message}
      </p>
    );
  const [info, reports] = agency.state.data;
  return (
    <section aria-labelledby="agency-title">
      <h2 id="agency-title">{info.name}</h2>
      <p className="muted">
        {t(`level_${info.level}` as MessageKey)} · {t(`kind_${info.kind}` as MessageKey)} ·{" "}
        {t(`scope_${info.scope}` as MessageKey)} · {t("regionCode")} {info.region_code}
      </p>
      {own && season?.open_year != null && (
        <SeasonCard
          agencyId={agencyId}
          kind={info.kind}
          season={{ ...season, open_year: season.open_year }}
        />
      )}
      <h3 className="section-title">{t("reports")}</h3>
      {reports.items.length === 0 && <p>{t("noReports")}</p>}
      <div className="report-grid">
        {reports.items.map((report) => (
          <ReportCard key={report.year} agencyId={agencyId} year={report.year} />
        ))}
      </div>
    </section>
  );
}
