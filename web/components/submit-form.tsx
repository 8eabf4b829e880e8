import { useState, type FormEvent } from "react";
import type { Finding } from "../../worker/report/rules";
import { useI18n } from "../i18n";
import type { InferRequestType } from "hono/client";
import { ApiRequestError, unwrap, type Api } from "../api";
import { reportParam } from "../lib/api-types";
import { useApi } from "../lib/session";
import { Field } from "./field";
import { WorkflowError, type WorkflowStep } from "./workflow-error";

type SubmitRequest = InferRequestType<
  Api["agencies"][":id"]["reports"][":year"]["submit"]["$post"]
>["json"];
type Explanation = NonNullable<SubmitRequest["explanations"]>[number];

interface Props {
  /** The revision acted on: the report's current one. */
  revision: number;
  findings: Finding[];
  /** The report's agency and year, `/api/agencies/:id/reports/:year`. */
  agencyId: number;
  year: number;
  /** After a step (named) succeeded, or to reload after a refusal (unnamed). */
  onDone: (step?: WorkflowStep) => void;
}

/**
 * The findings whose box must hold text: the server asks one explanation per broken hard rule,
 * so the first error finding of each rule is required, the rest optional.
 */
function requiredExplanations(findings: Finding[]): Set<number> {
  const seen = new Set<string>();
  const required = new Set<number>();
  findings.forEach((f, i) => {
    if (f.severity !== "error" || seen.has(f.rule)) return;
    seen.add(f.rule);
    required.add(i);
  });
  return required;
}

/** The rules a refused submission named as unexplained (`explanations.<rule>`). */
function unexplainedRules(failure: unknown): Set<string> {
  if (!(failure instanceof ApiRequestError) || failure.code !== "explanation_required")
    return new Set();
  return new Set(failure.issues.map((issue) => issue.path.replace(/^explanations\./, "")));
}

/** 提交: hands the current revision in for review, explaining each broken rule. */
export function SubmitForm({ revision, findings, agencyId, year, onDone }: Props) {
  const { t, locale } = useI18n();
  const api = useApi();
  const [texts, setTexts] = useState<Record<number, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const required = requiredExplanations(findings);
  const unexplained = unexplainedRules(failure);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const explanations: Explanation[] = [];
    findings.forEach((f, i) => {
      const text = texts[i]?.trim();
      if (!text) return;
      explanations.push({
        rule: f.rule,
        ...(f.table ? { table: f.table } : {}),
        ...(f.row ? { row: f.row } : {}),
        ...(f.column ? { column: f.column } : {}),
        text,
      });
    });
    setBusy(true);
    setFailure(null);
    try {
      await api.agencies[":id"].reports[":year"].submit
        .$post({
          param: reportParam(agencyId, year),
          json: { revision, explanations },
        })
        .then(unwrap);
      onDone("submit");
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <form
      className="panel form"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="submit-title"
    >
      <h3 id="submit-title">{t("submitForReview")}</h3>
      {findings.length > 0 && <p className="muted">{t("explainFindings")}</p>}
      {findings.map((f, i) => (
        <Field
          key={i}
          label={locale === "en" ? f.message_en : f.message}
          className={`finding-explanation finding-${f.severity}`}
          error={
            required.has(i) && unexplained.has(f.rule) && !texts[i]?.trim()
              ? t("explanationMissing")
              : null
          }
        >
          {(c) => (
            <textarea
              {...c}
              rows={2}
              required={required.has(i)}
              placeholder={t(required.has(i) ? "explanationRequired" : "explanationPlaceholder")}
              value={texts[i] ?? ""}
              onChange={(e) => setTexts({ ...texts, [i]: e.target.value })}
            />
          )}
        </Field>
      ))}
      <WorkflowError error={failure} onReload={() => onDone()} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
