import { useI18n } from "../i18n";
import type { ReportStatus } from "../lib/api-types";

export function StatusBadge({ status, late }: { status: ReportStatus; late?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <span className={`status status-${status}`}>{t(`status_${status}`)}</span>
      {late && <span className="status status-late">{t("late")}</span>}
    </>
  );
}
