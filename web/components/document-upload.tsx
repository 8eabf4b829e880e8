import { useState, type FormEvent } from "react";
import type { InferRequestType } from "hono/client";
import { ApiRequestError, unwrap, type Api } from "../api";
import { useI18n } from "../i18n";
import { reportParam } from "../lib/api-types";
import { useApi } from "../lib/session";
import { Field } from "./field";

type SaveRequest = InferRequestType<Api["agencies"][":id"]["reports"][":year"]["$put"]>["json"];

interface Props {
  agencyId: number;
  year: number;
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
export function DocumentUpload({ agencyId, year, baseRevision, correcting, onSaved }: Props) {
  const { t, locale } = useI18n();
  const api = useApi();
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
      await api.agencies[":id"].reports[":year"]
        .$put({
          param: reportParam(agencyId, year),
          // Whatever the file holds: the server checks it, and names every bad field.
          json: {
            base_revision: baseRevision,
            document: document as SaveRequest["document"],
            ...(note ? { note } : {}),
          },
        })
        .then(unwrap);
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
