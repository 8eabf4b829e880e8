import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { diffDocuments } from "../../worker/report/diff";
import type { ReportDocument } from "../../worker/report/document";
import { METRICS } from "../../worker/report/metrics";
import { useI18n, type Locale, type MessageKey, type MessageVars } from "../i18n";
import { applyChoice, changedOnlyByThem, type Conflict } from "../lib/draft-sync";
import { pathLabel } from "../lib/finding-targets";

interface Props {
  conflict: Conflict;
  /** Receives theirs with the chosen cells of mine; the caller saves it (`useDraftSync().resolve`). */
  onResolve: (merged: ReportDocument) => void;
}

type Translate = (key: MessageKey, vars?: MessageVars) => string;

const FIELD_LABELS: Record<string, MessageKey> = {
  template: "template",
  year: "reportYear",
  agency: "agencyName",
  explanations: "conflictExplanations",
};

function rowLabel(path: string, locale: Locale, t: Translate): string {
  const field = FIELD_LABELS[path];
  if (field) return t(field);
  if (path.startsWith("metric_notes.")) {
    const metric = METRICS.find((m) => `metric_notes.${m.key}` === path);
    if (metric)
      return t("conflictMetricNote", { metric: locale === "en" ? metric.labelEn : metric.label });
  }
  return pathLabel(path, locale);
}

function valueText(value: unknown, locale: Locale, t: Translate): string {
  if (value === undefined) return t("conflictAbsent");
  if (value === null) return t("conflictBlank");
  if (typeof value === "number") {
    return value.toLocaleString(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 4 });
  }
  if (typeof value === "string") return value === "" ? t("conflictBlank") : value;
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map((item) => valueText(item, locale, t)).join("\n");
  return Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${key}: ${valueText(item, locale, t)}`)
    .join("; ");
}

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

/**
 * Someone else saved the report while it was being edited: every cell that differs, mine beside
 * theirs, one choice per cell: mine by default, except cells that only they changed, which keep
 * their value (choosing mine there would silently undo their edit). Escape does not close it:
 * leaving without a choice would leave the form unable to save.
 */
export function ConflictDialog({ conflict, onResolve }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const changes = useMemo(
    () => diffDocuments(conflict.theirs, conflict.mine),
    [conflict.theirs, conflict.mine],
  );
  const onlyTheirs = useMemo(() => changedOnlyByThem(conflict), [conflict]);
  // The rows switched to theirs; a row appearing later starts on mine.
  const [useTheirs, setUseTheirs] = useState<ReadonlySet<string>>(() => new Set(onlyTheirs));

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.focus();
    const keepFocusInside = (event: FocusEvent) => {
      if (event.target instanceof Node && !dialog.contains(event.target)) dialog.focus();
    };
    document.addEventListener("focusin", keepFocusInside);
    return () => {
      document.removeEventListener("focusin", keepFocusInside);
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key !== "Tab" || !dialogRef.current) return;
    const items = focusables(dialogRef.current);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialogRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const choose = (path: string, side: "mine" | "theirs") =>
    setUseTheirs((current) => {
      const next = new Set(current);
      if (side === "theirs") next.add(path);
      else next.delete(path);
      return next;
    });

  const merge = () => {
    const chosen = changes.map((c) => c.path).filter((path) => !useTheirs.has(path));
    onResolve(applyChoice(conflict.theirs, conflict.mine, chosen));
  };

  const intro = conflict.theirs
    ? t("conflictIntro", { revision: conflict.theirsRevision, count: changes.length })
    : t("conflictIntroNoServerVersion", { count: changes.length });

  return createPortal(
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-intro`}
        className="conflict-dialog"
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>{t("conflictTitle")}</h2>
        <p id={`${id}-intro`}>{intro}</p>
        {changes.length === 0 ? (
          <p className="muted">{t("conflictNoDifferences")}</p>
        ) : (
          <>
            <div className="conflict-shortcuts">
              <button type="button" onClick={() => setUseTheirs(new Set())}>
                {t("conflictAllMine")}
              </button>
              <button
                type="button"
                onClick={() => setUseTheirs(new Set(changes.map((c) => c.path)))}
              >
                {t("conflictAllTheirs")}
              </button>
            </div>
            <div className="conflict-table-wrap">
              <table className="conflict-table">
                <thead>
                  <tr>
                    <th scope="col">{t("conflictItem")}</th>
                    <th scope="col">{t("conflictMine")}</th>
                    <th scope="col">{t("conflictTheirs")}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change, index) => {
                    const theirs = useTheirs.has(change.path);
                    const name = `${id}-choice-${index}`;
                    return (
                      <tr key={change.path} data-path={change.path}>
                        <th scope="row">
                          {rowLabel(change.path, locale, t)}
                          {onlyTheirs.has(change.path) && (
                            <small className="conflict-note">{t("conflictOnlyTheirs")}</small>
                          )}
                        </th>
                        <td className={theirs ? undefined : "conflict-chosen"}>
                          <label>
                            <input
                              type="radio"
                              name={name}
                              checked={!theirs}
                              onChange={() => choose(change.path, "mine")}
                            />
                            <span className="conflict-sr">{t("conflictMine")}：</span>
                            <span className="conflict-value">
                              {valueText(change.after, locale, t)}
                            </span>
                          </label>
                        </td>
                        <td className={theirs ? "conflict-chosen" : undefined}>
                          <label>
                            <input
                              type="radio"
                              name={name}
                              checked={theirs}
                              onChange={() => choose(change.path, "theirs")}
                            />
                            <span className="conflict-sr">{t("conflictTheirs")}：</span>
                            <span className="conflict-value">
                              {valueText(change.before, locale, t)}
                            </span>
                          </label>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
        <div className="conflict-actions">
          <button type="button" className="primary" onClick={merge}>
            {t("conflictMerge")}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
