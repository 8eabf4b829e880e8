import { useI18n } from "../i18n";
import type { ReviewEntry } from "../lib/api-types";
import { pathLabel } from "../lib/finding-targets";
import { formatDateTime } from "../lib/format";

/** Submissions, returns (with the reviewer's comments) and approvals, newest first. */
export function ReviewHistory({ entries }: { entries: ReviewEntry[] }) {
  const { t, locale } = useI18n();
  if (entries.length === 0) return <p className="empty">{t("noReviews")}</p>;
  const newestFirst = [...entries].sort((a, b) => b.created_at.localeCompare(a.created_at));
  return (
    <ol className="timeline">
      {newestFirst.map((entry, i) => (
        <li key={i} className={`timeline-${entry.action}`}>
          <p>
            <strong>{t(`action_${entry.action}`)}</strong> · {entry.actor_name} · {t("revision")}{" "}
            {entry.revision} ·{" "}
            <time dateTime={entry.created_at}>{formatDateTime(entry.created_at, locale)}</time>
          </p>
          {entry.message && <p className="review-message">{entry.message}</p>}
          {entry.comments.length > 0 && (
            <ul className="review-comments" aria-label={t("reviewerComments")}>
              {entry.comments.map((c, j) => (
                <li key={j}>
                  <span className="comment-path" title={c.path}>
                    {pathLabel(c.path, locale)}
                  </span>
                  {c.text}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
