import { useI18n } from "../i18n";
import type { Correction } from "../lib/api-types";
import { pathLabel } from "../lib/finding-targets";
import { formatDateTime } from "../lib/format";

/** Corrections made after publication: when, why, and each figure before and after. */
export function CorrectionsList({ corrections }: { corrections: Correction[] }) {
  const { t, locale } = useI18n();
  if (corrections.length === 0) return <p className="empty">{t("noCorrections")}</p>;
  return (
    <ol className="timeline">
      {corrections.map((c) => (
        <li key={c.revision}>
          <p>
            <strong>
              {t("revision")} {c.revision}
            </strong>{" "}
            · <time dateTime={c.published_at}>{formatDateTime(c.published_at, locale)}</time>
          </p>
          <p className="review-message">{c.reason}</p>
          {c.changes.length > 0 && (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">{t("figure")}</th>
                  <th scope="col">{t("before")}</th>
                  <th scope="col">{t("after")}</th>
                </tr>
              </thead>
              <tbody>
                {c.changes.map((change) => (
                  <tr key={change.path}>
                    <th scope="row">{pathLabel(change.path, locale)}</th>
                    <td>{cellText(change.before)}</td>
                    <td>{cellText(change.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ol>
  );
}

/** A changed cell's value: a figure or a text, or a blank. */
function cellText(value: Correction["changes"][number]["before"] | undefined): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
