import { Field } from "../components/field";
import { Pager } from "../components/pager";
import { RequestView } from "../components/request-view";
import { RequireRole } from "../components/require-role";
import { useI18n } from "../i18n";
import { api, query, unwrap } from "../api";
import {
  actionOptions,
  actionText,
  actorKindText,
  detailText,
  targetText,
} from "../lib/audit-words";
import { formatDateTime } from "../lib/format";
import { useRequest } from "../lib/use-request";
import { useTypedParam, useUrlState, urlOffset, offsetParam } from "../lib/use-url-state";
import "../styles/audit-page.css";
import { ScrollTable } from "../components/scroll-table";

const PAGE_SIZE = 100;

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
  const [action, setAction] = useTypedParam("action", setParams);
  const [actor, setActor] = useTypedParam("actor", setParams);
  const offset = urlOffset(params);
  const groups = actionOptions(t);
  const known = new Set(groups.flatMap((g) => g.options.map((o) => o.value)));
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
        <Field label={t("auditAction")}>
          {(c) => (
            <select {...c} value={action} onChange={(e) => setAction(e.target.value)}>
              <option value="">{t("auditAllActions")}</option>
              {groups.map((group) => (
                <optgroup key={group.label} label={group.label}>
                  {group.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ))}
              {action && !known.has(action) && (
                <option value={action}>{actionText(action, t)}</option>
              )}
            </select>
          )}
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
              <ScrollTable label={t("navAudit")}>
                <table className="data-table audit-table">
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
                        <td>{actorKindText(e.actor_kind, t)}</td>
                        <td>
                          <span title={e.action}>{actionText(e.action, t)}</span>
                        </td>
                        <td className="audit-target">{targetText(e.target, e.target_name, t)}</td>
                        <td className="mono">{e.address ?? "—"}</td>
                        <td className="detail">{detailText(e.detail, t)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
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
