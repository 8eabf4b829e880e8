import { useI18n } from "../i18n";

interface Props {
  onUndo: () => void;
  /** Hides the bar, keeping the import. */
  onDismiss?: () => void;
}

/** Shown after an import: "已从年报导入。撤销导入". The caller keeps the previous document. */
export function ImportUndoBar({ onUndo, onDismiss }: Props) {
  const { t } = useI18n();
  return (
    <div role="status" className="import-undo-bar">
      <span>{t("importDone")}</span>
      <button type="button" onClick={onUndo}>
        {t("importUndo")}
      </button>
      {onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          {t("dismiss")}
        </button>
      )}
    </div>
  );
}
