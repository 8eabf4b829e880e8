import {
  createContext,
  memo,
  useContext,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type ClipboardEvent,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import { figureDef, type FigureKey } from "../../../worker/report/figures";
import { parseFigure, type ParseFailure } from "../../../worker/report/format";
import { useI18n } from "../../i18n";
import { handleGridKey, isBlock } from "./grid-navigation";
import { FAILURE_MESSAGES } from "./parse-failures";

/** What a cell can do to the document; provided by the form, absent when read-only. */
export interface CellActions {
  commit(figure: FigureKey, value: number | null): void;
  /** Fill a pasted block whose top-left corner is `start`. */
  paste(start: HTMLInputElement, text: string): void;
}

export const CellActionsContext = createContext<CellActions | null>(null);

export interface CellInputProps {
  figure: FigureKey;
  value: number | null;
  /** The accessible name: table, row and column, e.g. 表三 （一）予以公开 · 自然人. */
  label: string;
  /** Position in the table's grid (see grid-navigation.ts). */
  row: number;
  col: number;
  severity?: "error" | "warning" | null;
  /** Messages of the findings on the cell, shown as its tooltip. */
  note?: string;
  highlighted?: boolean;
  /** A reviewer's open comment, shown beneath the cell while it has the focus. */
  comment?: string;
  readOnly?: boolean;
  /** Ids of further descriptions, such as a metric's definition. */
  describedBy?: string;
  /** For a visible <label htmlFor>; the accessible name stays `label`. */
  id?: string;
}

interface Draft {
  text: string;
  error: ParseFailure | null;
}

export function display(value: number | null): string {
  return value === null ? "" : String(value);
}

/**
 * One numeric cell, spreadsheet-like. Focusing selects the content, so typing replaces it; each
 * keystroke that reads as a number is committed at once (blank → null), while text that does not
 * stays in the cell, marked invalid with the reason beside it, and the document keeps its value.
 * Escape restores the value the cell had on arrival, F2 edits in place. Arrow keys, Enter and
 * multi-cell pastes: see grid-navigation.ts.
 */
export const CellInput = memo(function CellInput(props: CellInputProps) {
  const { figure, value, label, row, col, severity, note, highlighted, comment, describedBy, id } =
    props;
  const { t } = useI18n();
  const actions = useContext(CellActionsContext);
  const readOnly = props.readOnly || actions === null;
  const errorId = useId();
  const commentId = useId();
  const def = figureDef(figure);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [seen, setSeen] = useState(value);
  const justFocused = useRef(false);
  const selectOnMouseUp = useRef(false);
  const valueAtFocus = useRef(value);

  if (!Object.is(seen, value)) {
    // Changed from outside (a paste, computed totals): drop a draft that does not say the same.
    setSeen(value);
    const parsed = draft ? parseFigure(draft.text, def) : null;
    if (draft && !(parsed?.ok && parsed.value === value)) setDraft(null);
  }

  function onFocus(event: FocusEvent<HTMLInputElement>) {
    justFocused.current = true;
    selectOnMouseUp.current = true;
    valueAtFocus.current = value;
    event.currentTarget.select();
  }

  function onMouseUp(event: MouseEvent<HTMLInputElement>) {
    // The click that focused the cell would otherwise drop the selection made on focus.
    if (selectOnMouseUp.current) event.preventDefault();
    selectOnMouseUp.current = false;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    selectOnMouseUp.current = false;
    if (handleGridKey(event, justFocused.current)) return;
    const input = event.currentTarget;
    if (event.key === "Escape" && !readOnly) {
      actions?.commit(figure, valueAtFocus.current);
      setDraft(null);
      justFocused.current = true;
    } else if (event.key === "F2") {
      event.preventDefault();
      justFocused.current = false;
      input.setSelectionRange(input.value.length, input.value.length);
    } else if (justFocused.current && (event.key.length === 1 || event.key === "Process")) {
      // Typing into a cell just arrived at replaces its content, as in a spreadsheet.
      if (!event.ctrlKey && !event.metaKey && !event.altKey) input.select();
    }
  }

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    justFocused.current = false;
    const text = event.target.value;
    const parsed = parseFigure(text, def);
    setDraft({ text, error: parsed.ok ? null : parsed.reason });
    if (parsed.ok && parsed.value !== value) actions?.commit(figure, parsed.value);
  }

  function onBlur() {
    justFocused.current = false;
    if (draft && draft.error === null) setDraft(null);
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const text = event.clipboardData.getData("text/plain");
    if (readOnly || !isBlock(text)) return;
    event.preventDefault();
    actions?.paste(event.currentTarget, text);
  }

  const error = draft?.error ?? null;
  const className = [
    "cell-input",
    severity ? `cell-${severity}` : "",
    highlighted ? "cell-highlight" : "",
    comment ? "cell-commented" : "",
  ]
    .filter(Boolean)
    .join(" ");
  const described = [error ? errorId : "", comment ? commentId : "", describedBy ?? ""]
    .filter(Boolean)
    .join(" ");
  return (
    <>
      <input
        id={id}
        type="text"
        className={className}
        inputMode={def.kind === "amount" ? "decimal" : def.signed ? "text" : "numeric"}
        autoComplete="off"
        spellCheck={false}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        title={note || undefined}
        data-figure={figure}
        data-row={row}
        data-col={col}
        readOnly={readOnly}
        value={draft?.text ?? display(value)}
        onFocus={onFocus}
        onMouseUp={onMouseUp}
        onKeyDown={onKeyDown}
        onChange={onChange}
        onBlur={onBlur}
        onPaste={onPaste}
      />
      {error && (
        <span id={errorId} className="cell-message">
          {t("rfNotSaved", { reason: t(FAILURE_MESSAGES[error]) })}
        </span>
      )}
      {comment && (
        <span id={commentId} className="cell-comment" role="note">
          {t("rfReviewComment", { text: comment })}
        </span>
      )}
    </>
  );
});
