import { useState } from "react";
import { api, query, unwrap } from "../api";
import { Field } from "../components/field";
import { EmailSettings } from "../components/email-settings";
import { NotificationItem } from "../components/notification-item";
import { ErrorNotice, RequestView } from "../components/request-view";
import { RequireRole } from "../components/require-role";
import { useI18n } from "../i18n";
import { useApi } from "../lib/session";
import { markAllRead, markFollowed, markRead, setUnread } from "../lib/unread-notifications";
import { useRequest } from "../lib/use-request";
import { useUrlState } from "../lib/use-url-state";

const PAGE_SIZE = 30;

/** `/notifications`: every notification of the signed-in reader, and which ones also come by e-mail. */
export function NotificationsPage() {
  return (
    <RequireRole>
      <Notifications />
    </RequireRole>
  );
}

function Notifications() {
  const { t } = useI18n();
  const session = useApi();
  const [params, setParams] = useUrlState();
  const unreadOnly = params.get("show") === "unread";
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [failure, setFailure] = useState<unknown>(null);
  const list = useRequest(
    () =>
      api.notifications
        .$get({ query: query({ limit, unread: unreadOnly ? "true" : null }) })
        .then(unwrap)
        .then((answer) => {
          setUnread(answer.unread);
          return answer;
        }),
    [limit, unreadOnly],
  );

  const act = async (write: () => Promise<unknown>) => {
    try {
      await write();
      setFailure(null);
      list.refresh();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <main className="page notifications-page">
      <h2>{t("notifTitle")}</h2>
      <div className="toolbar" role="group" aria-label={t("filters")}>
        <Field label={t("notifShow")}>
          {(c) => (
            <select
              {...c}
              value={unreadOnly ? "unread" : ""}
              onChange={(e) => {
                setLimit(PAGE_SIZE);
                setParams({ show: e.target.value || null });
              }}
            >
              <option value="">{t("notifShowAll")}</option>
              <option value="unread">{t("notifShowUnread")}</option>
            </select>
          )}
        </Field>
        <button type="button" onClick={() => void act(() => markAllRead(session))}>
          {t("notifReadAll")}
        </button>
      </div>
      {failure !== null && <ErrorNotice error={failure} />}
      <RequestView state={list.state} retry={list.retry}>
        {({ items, unread }) => (
          <>
            <p className="muted" role="status">
              {t("notifUnreadCount", { count: unread })}
            </p>
            {items.length === 0 ? (
              <p className="empty">{t(unreadOnly ? "notifNoneUnread" : "notifNone")}</p>
            ) : (
              <ul className="notification-list full">
                {items.map((entry) => (
                  <li key={entry.id}>
                    <NotificationItem
                      entry={entry}
                      onFollow={(entry) => markFollowed(session, entry)}
                      full
                    />
                    {!entry.read && (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => void act(() => markRead(session, entry.id))}
                      >
                        {t("notifMarkRead")}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {items.length === limit && (
              <button type="button" onClick={() => setLimit((n) => Math.min(n + PAGE_SIZE, 100))}>
                {t("notifMore")}
              </button>
            )}
          </>
        )}
      </RequestView>
      <EmailSettings />
    </main>
  );
}
