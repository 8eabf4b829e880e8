import { Field } from "../components/field";
import { Pager } from "../components/pager";
import { RequestView } from "../components/request-view";
import { RequireRole } from "../components/require-role";
import { useI18n } from "../i18n";
import { api, query, unwrap } from "../api";
import { formatDateTime } from "../lib/format";
import { useRequest } from "../lib/use-request";
import { useTypedParam, useUrlState, urlOffset, offsetParam } from "../lib/use-url-state";

const PAGE_SIZE = 100;
const ACTOR_ROLES = ["admin", "reviewer", "submitter", "token", "public"] as const;

/** `/admin/audit`: who did what, when, from where (administrators). */
export function AuditPage() {
  return (
    <RequireRole roles={["admin"]}>
      <Audit />
    </RequireRole>
  );
}

function Audit() {
  const { t, locale } = useI18n();
  const [params, setParams] = useUrlState();
  const roleText = (role: string | null) =>
    role && (ACTOR_ROLES as readonly string[]).includes(role)
      ? t(`role_${role as (typeof ACTOR_ROLES)[number]}`)
      : (role ?? "—");
  const [action, setAction] = useTypedParam("action", setParams);
  const [actor, setActor] = useTypedParam("actor", setParams);
  const offset = urlOffset(params);
  const filter = {
    action: params.get("action"),
    actor: params.get("actor"),
    limit: PAGE_SIZE,
    offset,
  };
  const entries = useRequest(
    () => api.audit.$get({ query: query(filter) }).then(unwrap),
    [JSON.stringify(filter)],
  );

  return (
    <main className="page">
      <h2>{t("navAudit")}</h2>
      <div className="filter-bar" role="group" aria-label={t("filters")}>
        <Field label={t("auditAction")} hint={t("auditActionHint")}>
          {(c) => <input {...c} value={action} onChange={(e) => setAction(e.target.value)} />}
        </Field>
        <Field label={t("auditActor")}>
          {(c) => <input {...c} value={actor} onChange={(e) => setActor(e.target.value)} />}
        </Field>
      </div>
      <RequestView state={entries.state} retry={entries.retry}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p className="empty">{t("noAuditEntries")}</p>
          ) : (
            <>
              <div className="table-wrap">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("time")}</th>
                      <th scope="col">{t("auditActor")}</th>
                      <th scope="col">{t("role")}</th>
                      <th scope="col">{t("auditAction")}</th>
                      <th scope="col">{t("auditTarget")}</th>
                      <th scope="col">{t("auditAddress")}</th>
                      <th scope="col">{t("auditDetail")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((e) => (
                      <tr key={e.id}>
                        <td>
                          <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>
                        </td>
                        <td>{e.actor_name ?? "—"}</td>
                        <td>{roleText(e.actor_kind)}</td>
                        <td className="mono">{e.action}</td>
                        <td>{e.target ?? "—"}</td>
                        <td className="mono">{e.address ?? "—"}</td>
                        <td className="mono detail">{detailText(e.detail)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined || detail === "") return "—";
  return typeof detail === "string" ? detail : JSON.stringify(detail);
}
