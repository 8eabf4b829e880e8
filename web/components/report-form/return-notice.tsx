import { useId } from "react";
import { useI18n } from "../../i18n";
import { pathLabel } from "../../lib/finding-targets";
import { formatDateTime } from "../../lib/format";
import type { ReturnedReview, ReviewComment } from "../../lib/review-comments";
import { focusFigure } from "./focus-figure";

interface Props {
  review: ReturnedReview;
  comments: readonly ReviewComment[];
}

/**
 * Why the report came back: the reviewer's message, and each comment with the cell it is on —
 * a button to go there while it is open, 已修改 once the cell has been changed.
 */
export function ReturnNotice({ review, comments }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const open = comments.filter((c) => !c.resolved).length;
  return (
    <section className="return-notice" aria-labelledby={id}>
      <h3 id={id}>{t("rfReturnedTitle")}</h3>
      <p className="return-notice-by">
        {t("rfReturnedBy", { name: review.actorName, at: formatDateTime(review.at, locale) })}
      </p>
      {review.message && <blockquote className="return-message">{review.message}</blockquote>}
      {comments.length > 0 && (
        <>
          <h4>{t("rfReviewComments", { open, count: comments.length })}</h4>
          <ul className="review-comments">
            {comments.map((comment, i) => {
              const where = pathLabel(comment.path, locale);
              return (
                <li key={i} className={comment.resolved ? "review-comment-resolved" : undefined}>
                  <span className="review-comment-where">{where}</span>
                  <span className="review-comment-text">{comment.text}</span>
                  {comment.resolved ? (
                    <span className="review-comment-done">✓ {t("rfCommentResolved")}</span>
                  ) : (
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t("rfGoToCellLabel", { cell: where })}
                      onClick={() => focusFigure(comment.path)}
                    >
                      {t("rfGoToCell")}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p className="hint">{t("rfReturnedHint")}</p>
    </section>
  );
}
