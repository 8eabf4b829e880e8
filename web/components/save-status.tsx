import { useI18n, type Locale } from "../i18n";
import type { SyncStatus } from "../lib/draft-sync";
import { errorText } from "../lib/errors";

interface Props {
  status: SyncStatus;
  lastSavedAt: Date | null;
  error: Error | null;
}

function formatTime(date: Date, locale: Locale): string {
  return date.toLocaleTimeString(locale === "zh" ? "zh-CN" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** Where the report's draft stands, announced politely to screen readers as it changes. */
export function SaveStatus({ status, lastSavedAt, error }: Props) {
  const { t, locale } = useI18n();
  let text: string;
  switch (status) {
    case "saved":
      text = lastSavedAt
        ? t("draftSavedAt", { time: formatTime(lastSavedAt, locale) })
        : t("draftSaved");
      break;
    case "saving":
      text = t("draftSaving");
      break;
    case "unsaved":
      text = t("draftUnsaved");
      break;
    case "offline":
      text = t("draftOffline");
      break;
    case "conflict":
      text = t("draftConflict");
      break;
    case "error":
      text = t("draftSaveFailed", { message: error ? errorText(error, locale) : "" });
      break;
  }
  return (
    <p role="status" aria-live="polite" className={`save-status save-status-${status}`}>
      {text}
    </p>
  );
}
