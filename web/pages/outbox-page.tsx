import { Pager } from "../components/pager";
import { RequestView } from "../components/request-view";
import { RequireRole } from "../components/require-role";
import { useI18n, type MessageKey } from "../i18n";
import { api, query, unwrap } from "../api";
import { formatDateTime } from "../lib/format";
import { useRequest } from "../lib/use-request";
import { offsetParam, urlOffset, useUrlState } from "../lib/use-url-state";

const PAGE_SIZE = 30;

/**
 * `/admin/outbox`: every e-mail Nianbao sent or tried to send, as its reader gets it. Where no
 * mail service is configured (locally) this is where the messages are read.
 */
export function OutboxPage() {
  return (
    <RequireRole roles={["admin"]}>
      <Outbox />
    </RequireRole>
  );
}

/** The e-mail kinds beyond the notification kinds: the account links. */
const KIND_LABELS: Record<string, MessageKey> = {
  invitation: "outboxKind_invitation",
  password_reset: "outboxKind_password_reset",
};

function Outbox() {
  const { t, locale } = useI18n();
  const [params, setParams] = useUrlState();
  const offset = urlOffset(params);
  const messages = useRequest(
    () => api.outbox.$get({ query: query({ limit: PAGE_SIZE, offset }) }).then(unwrap),
    [offset],
  );
  const kindText = (kind: string) => t(KIND_LABELS[kind] ?? (`notifKind_${kind}` as MessageKey));

  return (
    <main className="page outbox-page">
      <h2>{t("navOutbox")}</h2>
      <p className="muted">{t("outboxHint")}</p>
      <RequestView state={messages.state} retry={messages.retry}>
        {({ items, total }) =>
          items.length === 0 ? (
            <p className="empty">{t("outboxEmpty")}</p>
          ) : (
            <>
              <p className="muted">{t("outboxCount", { count: total })}</p>
              <ul className="outbox-list">
                {items.map((m) => (
                  <li key={m.id}>
                    <details>
                      <summary>
                        <span className="outbox-subject">{m.subject}</span>
                        <span className="outbox-meta">
                          <span className="tag">{kindText(m.kind)}</span>
                          <span>
                            {t("outboxTo")}
                            {m.user_name ? `${m.user_name} <${m.to}>` : m.to}
                          </span>
                          <time dateTime={m.created_at}>
                            {formatDateTime(m.created_at, locale)}
                          </time>
                          <span className={m.status === "sent" ? "outbox-sent" : "outbox-failed"}>
                            {t(m.status === "sent" ? "outboxSent" : "outboxFailed")}
                          </span>
                        </span>
                      </summary>
                      {m.status === "failed" && m.error && (
                        <p className="muted">{t("outboxError", { error: m.error })}</p>
                      )}
                      <pre className="outbox-text">{m.text}</pre>
                      <iframe
                        className="outbox-html"
                        title={t("outboxHtml", { subject: m.subject })}
                        sandbox=""
                        loading="lazy"
                        src={`/api/outbox/${m.id}/html`}
                      />
                    </details>
                  </li>
                ))}
              </ul>
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
