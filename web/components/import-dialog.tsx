import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
} from "react";
import { createPortal } from "react-dom";
import { diffDocuments } from "../../worker/report/diff";
import type { ReportDocument } from "../../worker/report/document";
import { useI18n, type MessageKey } from "../i18n";
import { normalizeRadicals } from "../../worker/import/cjk-radicals";
import { PdfTextError, type PdfTextFailure } from "../lib/pdf-text";
import type { ParseOptions } from "../../worker/import/parse-report";
import type { ReportFormat } from "../../worker/import/report-file";
import { isFileReadError, readReportFile } from "../lib/report-file-text";
import {
  hasContent,
  identityMismatch,
  importedDocument,
  type ParsedReport,
} from "../lib/report-import";
import { useModal } from "../lib/use-modal";
import { Field } from "./field";
import { ImportPreview } from "./import-preview";

export interface ImportDialogProps {
  /** The year of the report being edited; the import is saved as this year's. */
  year: number;
  /**
   * The name of the agency whose report is edited, to ask before importing another agency's
   * report; without it, the name the draft's document carries (if any) is compared.
   */
  agency?: string | null;
  /** The form's document as it stands, to show which cells the import changes. */
  current: ReportDocument | null;
  /** Receives the document to put in the form (`useDraftSync().setDocument`). */
  onImport: (document: ReportDocument) => void;
  onClose: () => void;
}

const PDF_FAILURES: Record<PdfTextFailure, MessageKey> = {
  password: "importPdfPassword",
  invalid: "importPdfInvalid",
  no_text: "importPdfNoText",
  unreadable: "importPdfUnreadable",
};

const FORMAT_MESSAGES: Record<ReportFormat, MessageKey> = {
  text: "importFormatText",
  html: "importFormatHtml",
  docx: "importFormatDocx",
  pdf: "importFormatPdf",
};

const ACCEPTED_FILES = [
  ".pdf",
  ".txt",
  ".html",
  ".htm",
  ".shtml",
  ".mhtml",
  ".mht",
  ".docx",
  ".doc",
  ".wps",
  "application/pdf",
  "text/plain",
  "text/html",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
].join(",");

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * "从已发布的年报导入": the text of a report the agency already published — pasted, or read from
 * its PDF or text file — parsed in the browser (the parser is loaded on demand; nothing is
 * uploaded), shown value by value beside its source line with the parser's warnings and the rule
 * findings, and handed to `onImport` once confirmed. Escape or 取消 closes it without importing.
 */
export function ImportDialog({ year, agency, current, onImport, onClose }: ImportDialogProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const onKeyDown = useModal(dialogRef, { onEscape: onClose, initialFocus: textRef });

  const [text, setText] = useState("");
  /** How the text was read (a file's format, or a pasted web page) and what its page said. */
  const [origin, setOrigin] = useState<{ format: ReportFormat; hints: ParseOptions } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [parsed, setParsed] = useState<ParsedReport | null>(null);
  const [mismatchConfirmed, setMismatchConfirmed] = useState(false);
  const [dragging, setDragging] = useState(false);
  // Each read or parse has a number; the answer of one overtaken by another (or by closing) is dropped.
  const runs = useRef(0);
  useEffect(
    () => () => {
      runs.current += 1;
    },
    [],
  );

  const editing = useMemo(
    () => ({ agency: agency ?? current?.agency ?? null, year }),
    [agency, current?.agency, year],
  );
  const mismatch = useMemo(
    () => (parsed ? identityMismatch(parsed, editing) : null),
    [parsed, editing],
  );
  const incoming = useMemo(
    () => (parsed ? importedDocument(current, parsed.document, year, editing.agency) : null),
    [parsed, current, year, editing.agency],
  );
  const changes = useMemo(
    () => (incoming ? diffDocuments(current, incoming) : []),
    [current, incoming],
  );

  async function parse(source: string, hints: ParseOptions = origin?.hints ?? {}) {
    const run = ++runs.current;
    setBusy(t("importParsing"));
    setError(null);
    try {
      const { parseReportText } = await import("../../worker/import/parse-report");
      const outcome = parseReportText(normalizeRadicals(source), { ...hints, yearHint: year });
      if (run !== runs.current) return;
      if (outcome.ok) {
        setParsed(outcome);
        setMismatchConfirmed(false);
      } else {
        const message = locale === "en" ? outcome.error.message_en : outcome.error.message;
        setError(t("importParseFailed", { message }));
      }
    } catch (failure) {
      if (run === runs.current)
        setError(t("importParseFailed", { message: errorMessage(failure) }));
    } finally {
      if (run === runs.current) setBusy(null);
    }
  }

  async function load(file: File) {
    const run = ++runs.current;
    setBusy(t("importReading", { name: file.name }));
    setError(null);
    try {
      const content = await readReportFile(file);
      if (run !== runs.current) return;
      setText(content.text);
      setOrigin({ format: content.format, hints: content.hints });
      await parse(content.text, content.hints);
    } catch (failure) {
      if (run !== runs.current) return;
      setBusy(null);
      if (failure instanceof PdfTextError) {
        setError(t(PDF_FAILURES[failure.reason], { message: failure.message }));
      } else if (isFileReadError(failure)) {
        setError(locale === "en" ? failure.message_en : failure.message);
      } else {
        setError(t("importPdfUnreadable", { message: errorMessage(failure) }));
      }
    }
  }

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void load(file);
  };

  /** A paste from a browser carries the page's HTML: its tables are read as tables. */
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const html = event.clipboardData.getData("text/html");
    if (!/<(?:table|p|div|h\d)[\s>]/i.test(html)) {
      if (text.trim() === "") setOrigin(null);
      return;
    }
    event.preventDefault();
    const run = ++runs.current;
    void import("../../worker/import/html/parse-report-html").then(({ readReportPage }) => {
      if (run !== runs.current) return;
      const page = readReportPage(html);
      setText(page.text);
      setOrigin({ format: "html", hints: page.hints });
      return parse(page.text, page.hints);
    });
  };

  const confirm = () => {
    if (incoming) onImport(incoming);
  };

  return createPortal(
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-intro`}
        aria-busy={busy !== null}
        className="import-dialog"
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>{t("importOpen")}</h2>
        <p id={`${id}-intro`} className="muted">
          {t("importIntro")}
        </p>
        <p role="status" className="import-status">
          {busy}
        </p>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        {parsed && origin && (
          <p className="muted import-read-as">
            {t("importReadAs", { format: t(FORMAT_MESSAGES[origin.format]) })}
          </p>
        )}
        <div className="import-body">
          {parsed ? (
            <ImportPreview
              parsed={parsed}
              editing={editing}
              mismatch={mismatch}
              changes={hasContent(current) ? changes : null}
              confirmed={mismatchConfirmed}
              onConfirmed={setMismatchConfirmed}
            />
          ) : (
            <div
              className={dragging ? "import-source import-dragging" : "import-source"}
              onDragOver={(event) => {
                event.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
            >
              <Field label={t("importText")} hint={t("importTextHint")}>
                {(control) => (
                  <textarea
                    {...control}
                    ref={textRef}
                    rows={12}
                    value={text}
                    spellCheck={false}
                    onChange={(event) => setText(event.target.value)}
                    onPaste={onPaste}
                  />
                )}
              </Field>
              <Field label={t("importFile")} hint={t("importDropHint")}>
                {(control) => (
                  <input
                    {...control}
                    type="file"
                    accept={ACCEPTED_FILES}
                    disabled={busy !== null}
                    onChange={(event) => {
                      const file = event.target.files?.[0];
                      // Cleared so that choosing the same file again reads it again.
                      event.target.value = "";
                      if (file) void load(file);
                    }}
                  />
                )}
              </Field>
            </div>
          )}
        </div>
        <div className="import-actions">
          {parsed ? (
            <>
              <button
                type="button"
                className="primary"
                disabled={changes.length === 0 || (mismatch !== null && !mismatchConfirmed)}
                onClick={confirm}
              >
                {t("importConfirm")}
              </button>
              <button type="button" onClick={() => setParsed(null)}>
                {t("importBack")}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={busy !== null || text.trim() === ""}
              onClick={() => void parse(text)}
            >
              {t("importParse")}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t("cancel")}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
