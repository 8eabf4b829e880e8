import { useEffect, useRef, useState } from "react";
import { api, query, unwrap } from "../api";
import { useI18n } from "../i18n";
import { errorText } from "../lib/errors";
import { useLocation } from "../lib/router";
import { useApi, useSession } from "../lib/session";
import {
  markAllRead,
  markFollowed,
  setUnread,
  useUnreadCount,
  refreshUnread,
} from "../lib/unread-notifications";
import { useRequest } from "../lib/use-request";
import { Link } from "./link";
import { NotificationItem, type NotificationEntry } from "./notification-item";
import { RequestView } from "./request-view";
import "../styles/notifications.css";

const PANEL_SIZE = 6;
const NOTIFICATIONS_PATH = "/notifications";

/** The header's bell: the unread count, and the latest notifications a click away. */
export function NotificationBell({ userId }: { userId: number }) {
  const { t } = useI18n();
  const unread = useUnreadCount(userId);
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  // Each page the reader opens asks again, so a hand-off shows without waiting for the poll.
  useEffect(() => {
    void refreshUnread();
  }, [pathname]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (event.target instanceof Node && !box.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  const count = unread ?? 0;
  // The name carries the number as shown (a whole word), so that what is seen is what is heard.
  const shown = count > 99 ? "99+" : String(count);
  return (
    <div
      className="bell"
      ref={box}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          setOpen(false);
          box.current?.querySelector("button")?.focus();
        }
      }}
    >
      <button
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls="bell-panel"
        aria-label={
          unread === null
            ? t("notifTitle")
            : count > 0
              ? t("bellUnread", { count: shown })
              : t("bellNone")
        }
        onClick={() => setOpen((was) => !was)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.3A1 1 0 0 0 5.1 17h13.8a1 1 0 0 0 .8-1.7L18 12.6V9a6 6 0 0 0-6-6Zm-2.4 15.5a2.5 2.5 0 0 0 4.8 0Z"
            fill="currentColor"
          />
        </svg>
        {count > 0 && <span className="bell-count">{shown}</span>}
      </button>
      {open && <BellPanel onClose={() => setOpen(false)} />}
    </div>
  );
}

function BellPanel({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const session = useApi();
  const { user } = useSession();
  const [failure, setFailure] = useState<unknown>(null);
  const latest = useRequest(
    () =>
      api.notifications
        .$get({ query: query({ limit: PANEL_SIZE }) })
        .then(unwrap)
        .then((answer) => {
          setUnread(answer.unread);
          return answer;
        }),
    [user?.id],
  );

  const follow = (entry: NotificationEntry) => {
    onClose();
    markFollowed(session, entry);
  };

  const readAll = async () => {
    try {
      await markAllRead(session);
      setFailure(null);
      latest.refresh();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section id="bell-panel" className="bell-panel" aria-label={t("notifTitle")}>
      <header>
        <h3>{t("notifTitle")}</h3>
        <button type="button" onClick={() => void readAll()}>
          {t("notifReadAll")}
        </button>
      </header>
      {failure !== null && (
        <p role="alert" className="field-error">
          {errorText(failure, locale)}
        </p>
      )}
      <RequestView state={latest.state} retry={latest.retry}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t("notifNone")}</p>
          ) : (
            <ul className="notification-list">
              {items.map((entry) => (
                <li key={entry.id}>
                  <NotificationItem entry={entry} onFollow={follow} />
                </li>
              ))}
            </ul>
          )
        }
      </RequestView>
      <footer>
        <Link to={NOTIFICATIONS_PATH} onClick={onClose}>
          {t("notifSeeAll")}
        </Link>
      </footer>
    </section>
  );
}
