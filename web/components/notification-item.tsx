import type { InferResponseType } from "hono/client";
import type { api } from "../api";
import { useI18n, type MessageKey } from "../i18n";
import { formatDateTime } from "../lib/format";
import { Link } from "./link";

export type NotificationEntry = InferResponseType<
  (typeof api.notifications)["$get"],
  200
>["items"][number];

interface Props {
  entry: NotificationEntry;
  /** Following the link: marks it read first. */
  onFollow: (entry: NotificationEntry) => void;
  /** Shows the whole body (the page) rather than its first line (the bell's panel). */
  full?: boolean;
}

/** One notification: what happened, when, and a link to where the reader acts. */
export function NotificationItem({ entry, onFollow, full = false }: Props) {
  const { t, locale } = useI18n();
  return (
    <article className={entry.read ? "notification" : "notification unread"}>
      <p className="notification-meta">
        <span className="tag">{t(`notifKind_${entry.kind}` as MessageKey)}</span>
        <time dateTime={entry.created_at}>{formatDateTime(entry.created_at, locale)}</time>
        {!entry.read && <span className="unread-dot">{t("notifUnread")}</span>}
      </p>
      <h4>
        <Link to={entry.link} onClick={() => onFollow(entry)}>
          {entry.title}
        </Link>
      </h4>
      <p className={full ? "notification-body" : "notification-body clamp"}>{entry.body}</p>
    </article>
  );
}
