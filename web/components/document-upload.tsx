import { useState, type FormEvent } from "react";
import { ApiRequestError } from "../api";
import { useI18n } from "../i18n";
import { useSession } from "../lib/session";
import { Field } from "./field";

interface Props {
  apiPath: string;
  /** The revision the upload replaces (0 for a report not yet saved). */
  baseRevision: number;
  /** A published report is corrected, which needs a reason. */
  correcting: boolean;
  onSaved: () => void;
}

/**
 * Saves a whole report from its canonical JSON document — the shape every export writes —
 * for agencies whose own systems produce it. The server checks it and lists every bad field.
 */
export function DocumentUpload({ apiPath, baseRevision, correcting, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { send } = useSession();
  const [text, setText] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (parseError) {
      setError([`${t("uploadNotJson")}: ${(parseError as Error).message}`]);
      return;
    }
    setBusy(true);
    try {
      await send("PUT", apiPath, {
        base_revision: baseRevision,
        document,
        ...(note ? { note } : {}),
      });
      setError(null);
      setText("");
      setNote("");
      onSaved();
    } catch (failure) {
      const apiError = failure as ApiRequestError;
      const message = locale === "zh" ? apiError.message : apiError.messageEn;
      const issues = (apiError.issues ?? []).map(
        (issue) => `${issue.path}: ${locale === "zh" ? issue.message : issue.message_en}`,
      );
      setError([message, ...issues]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="upload-form"
      onSubmit={(event) => void save(event)}
      aria-labelledby="upload-title"
    >
      <h3 id="upload-title" className="section-title">
        {t("uploadTitle")}
      </h3>
      <Field label={t("uploadDocument")} hint={t("uploadHint")} invalid={error !== null}>
        {(control) => (
          <textarea
            {...control}
            rows={8}
            value={text}
            spellCheck={false}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      <Field label={t("uploadFile")}>
        {(control) => (
          <input
            {...control}
            type="file"
            accept="application/json,.json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void file.text().then(setText);
              else setText("");
            }}
          />
        )}
      </Field>
      {correcting && (
        <Field label={t("correctionReason")}>
          {(control) => (
            <input
              {...control}
              required
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          )}
        </Field>
      )}
      {error && (
        <ul role="alert" className="field-error">
          {error.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy || !text.trim()}>
          {t("uploadSave")}
        </button>
      </div>
    </form>
  );
}
