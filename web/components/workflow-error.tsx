import { ApiRequestError } from "../api";
import { useI18n } from "../i18n";
import { errorText } from "../lib/errors";

export type WorkflowStep = "submit" | "approve" | "return";

const OUTDATED = new Set(["stale_revision", "invalid_transition"]);

/** A refused workflow step; when someone else moved the report on, offers to reload it. */
export function WorkflowError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t, locale } = useI18n();
  if (error === null || error === undefined) return null;
  const outdated = error instanceof ApiRequestError && OUTDATED.has(error.code);
  return (
    <p role="alert" className="notice notice-error">
      {errorText(error, locale)}
      {outdated && (
        <button type="button" className="link-button" onClick={onReload}>
          {t("reloadReport")}
        </button>
      )}
    </p>
  );
}
