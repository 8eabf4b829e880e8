import { useState } from "react";
import { api, unwrap } from "../api";
import { AgencyForm, type EditableAgency } from "../components/agency-form";
import { Pager } from "../components/pager";
import { RequestView } from "../components/request-view";
import { RequireRole } from "../components/require-role";
import { useI18n, type MessageKey } from "../i18n";
import { LEVELS, type AgencyLevel } from "../lib/agency-options";
import { useRequest } from "../lib/use-request";
import { useTypedParam, useUrlState, urlOffset, offsetParam } from "../lib/use-url-state";

const PAGE_SIZE = 50;

/** `/admin/agencies`: find, create and edit agencies (administrators). */
export function AgenciesAdminPage() {
  return (
    <RequireRole roles={["admin"]}>
      <AgenciesAdmin />
    </RequireRole>
  );
}

function AgenciesAdmin() {
  const { t } = useI18n();
  const [params, setParams] = useUrlState();
  const [search, setSearch] = useTypedParam("q", setParams);
  const [editing, setEditing] = useState<EditableAgency | "new" | null>(null);
  const q = params.get("q") ?? "";
  const level = params.get("level") ?? "";
  const offset = urlOffset(params);

  const agencies = useRequest(
    () =>
      api.agencies
        .$get({
          query: {
            q: q || undefined,
            level: (level || undefined) as AgencyLevel | undefined,
            limit: String(PAGE_SIZE),
            offset: String(offset),
          },
        })
        .then(unwrap),
    [q, level, offset],
  );

  const saved = () => {
    setEditing(null);
    agencies.refresh();
  };

  return (
    <main className="page">
      <h2>{t("navAgencyAdmin")}</h2>
      <div className="toolbar">
        <input
          type="search"
          aria-label={t("searchAgencies")}
          placeholder={t("searchAgencies")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select
          aria-label={t("level")}
          value={level}
          onChange={(e) => setParams({ level: e.target.value || null, offset: null })}
        >
          <option value="">{t("allLevels")}</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`level_${l}`)}
            </option>
          ))}
        </select>
        <button type="button" className="primary" onClick={() => setEditing("new")}>
          {t("newAgency")}
        </button>
      </div>
      {editing && (
        <AgencyForm
          key={editing === "new" ? "new" : editing.id}
          agency={editing === "new" ? undefined : editing}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      <RequestView state={agencies.state} retry={agencies.retry}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p className="empty">{t("noAgencies")}</p>
          ) : (
            <>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("agencyName")}</th>
                    <th scope="col">{t("level")}</th>
                    <th scope="col">{t("kind")}</th>
                    <th scope="col">{t("scope")}</th>
                    <th scope="col">{t("regionCode")}</th>
                    <th scope="col">{t("actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{a.name}</th>
                      <td>{t(`level_${a.level}` as MessageKey)}</td>
                      <td>{t(`kind_${a.kind}` as MessageKey)}</td>
                      <td>{t(`scope_${a.scope}` as MessageKey)}</td>
                      <td>{a.region_code}</td>
                      <td>
                        <button
                          type="button"
                          aria-label={t("editAgency", { name: a.name })}
                          onClick={() => setEditing(a)}
                        >
                          {t("edit")}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager
                offset={offset}
                limit={PAGE_SIZE}
                total={total}
                onChange={(next) => setParams(offsetParam(next))}
              />
            </>
          )
        }
      </RequestView>
    </main>
  );
}
