import { useState, type FormEvent } from "react";
import type { Finding } from "../../worker/report/rules";
import type { Template } from "../../worker/report/templates";
import { useI18n } from "../i18n";
import { unwrap } from "../api";
import { reportParam } from "../lib/api-types";
import { findingTargets } from "../lib/finding-targets";
import { useApi } from "../lib/session";
import { CommentRows, type DraftComment } from "./comment-rows";
import { Field } from "./field";
import { WorkflowError, type WorkflowStep } from "./workflow-error";

interface Props {
  /** The revision acted on: the report's current one. */
  revision: number;
  findings: Finding[];
  template: Template;
  /** The report's agency and year, `/api/agencies/:id/reports/:year`. */
  agencyId: number;
  year: number;
  /** After a step (named) succeeded, or to reload after a refusal (unnamed). */
  onDone: (step?: WorkflowStep) => void;
}

/** 通过 (which publishes) or 退回 with a message and comments on single figures. */
export function ReviewActions({ revision, findings, template, agencyId, year, onDone }: Props) {
  const { t } = useI18n();
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState("");
  const [messageError, setMessageError] = useState<string | null>(null);
  const [comments, setComments] = useState<DraftComment[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const param = reportParam(agencyId, year);

  const run = async (step: "approve" | "return", send: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await send();
      onDone(step);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  const returnReport = (event: FormEvent) => {
    event.preventDefault();
    if (!message.trim()) return setMessageError(t("returnMessageRequired"));
    setMessageError(null);
    const filled = comments
      .filter((c) => c.path.trim() && c.text.trim())
      .map((c) => ({ path: c.path.trim(), text: c.text.trim() }));
    void run("return", () =>
      api.agencies[":id"].reports[":year"].return
        .$post({
          param,
          json: { revision, message: message.trim(), comments: filled },
        })
        .then(unwrap),
    );
  };

  return (
    <section className="panel" aria-labelledby="review-title">
      <h3 id="review-title">{t("reviewThisReport")}</h3>
      <WorkflowError error={failure} onReload={() => onDone()} />
      <div className="form-actions">
        {confirming ? (
          <>
            <span>{t("approveConfirm")}</span>
            <button
              type="button"
              className="primary"
              autoFocus
              disabled={busy}
              onClick={() =>
                void run("approve", () =>
                  api.agencies[":id"].reports[":year"].approve
                    .$post({ param, json: { revision } })
                    .then(unwrap),
                )
              }
            >
              {t("approveYes")}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={() => setConfirming(true)}>
            {t("approve")}
          </button>
        )}
      </div>
      <form className="form" onSubmit={returnReport} aria-labelledby="return-title">
        <h4 id="return-title">{t("returnReport")}</h4>
        <Field label={t("returnMessage")} error={messageError}>
          {(c) => (
            <textarea
              {...c}
              rows={3}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
            />
          )}
        </Field>
        <CommentRows
          comments={comments}
          targets={findingTargets(findings)}
          template={template}
          onChange={setComments}
        />
        <div className="form-actions">
          <button type="submit" className="danger" disabled={busy}>
            {t("return")}
          </button>
        </div>
      </form>
    </section>
  );
}
