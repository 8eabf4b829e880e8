import { useId, useRef, useState } from "react";
import { unwrap } from "../api";
import { useI18n } from "../i18n";
import { errorText } from "../lib/errors";
import { useApi } from "../lib/session";
import { useModal } from "../lib/use-modal";
import { useRequest } from "../lib/use-request";
import { RequestView } from "./request-view";

export interface ChaseTarget {
  year: number;
  /** The region, by its government's id. */
  under: number;
  /** One agency of the region; every agency that has not submitted when absent. */
  agency?: { id: number; name: string };
}

interface Props {
  target: ChaseTarget;
  onClose: () => void;
}

/**
 * 催报: shows who would be reminded and the message before anything is sent, then sends it to
 * each agency's submitters (in the app and by e-mail).
 */
export function ChaseDialog({ target, onClose }: Props) {
  const { t, locale } = useI18n();
  const session = useApi();
  const id = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const onKeyDown = useModal(dialogRef, { onEscape: onClose });
  const body = {
    year: target.year,
    under: target.under,
    ...(target.agency ? { agency_id: target.agency.id } : {}),
  };
  const preview = useRequest(
    () => session.chase.preview.$post({ json: body }).then(unwrap),
    [target.year, target.under, target.agency?.id],
  );
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<{ agencies: number; recipients: number } | null>(null);

  const send = async () => {
    setSending(true);
    try {
      setSent(await session.chase.$post({ json: body }).then(unwrap));
      setFailure(null);
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        tabIndex={-1}
        className="chase-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>
          {target.agency
            ? t("chaseTitleOne", { name: target.agency.name })
            : t("chaseTitleAll", { year: target.year })}
        </h2>
        <RequestView state={preview.state} retry={preview.retry}>
          {(p) =>
            sent ? (
              <p role="status" className="notice notice-ok">
                {t("chaseSent", { agencies: sent.agencies, recipients: sent.recipients })}
              </p>
            ) : p.agencies === 0 ? (
              <p className="empty">{t("chaseNothing")}</p>
            ) : (
              <>
                <p>
                  {t(p.recipients === 0 ? "chaseSummaryNobody" : "chaseSummary", {
                    agencies: p.agencies,
                    // Agencies with nobody to tell are never chased, so none of them is counted twice.
                    reachable: p.agencies - p.without_submitter - p.chased_today,
                    recipients: p.recipients,
                  })}
                </p>
                {(p.without_submitter > 0 || p.chased_today > 0) && (
                  <ul className="chase-notes">
                    {p.without_submitter > 0 && (
                      <li>{t("chaseWithoutSubmitter", { count: p.without_submitter })}</li>
                    )}
                    {p.chased_today > 0 && (
                      <li>{t("chaseChasedToday", { count: p.chased_today })}</li>
                    )}
                  </ul>
                )}
                {!target.agency && (
                  <p className="muted chase-names">
                    {p.names.join("、")}
                    {p.agencies > p.names.length &&
                      t("chaseMoreNames", { count: p.agencies - p.names.length })}
                  </p>
                )}
                <figure className="chase-message">
                  <figcaption>{t("chaseMessage")}</figcaption>
                  <strong>{p.title}</strong>
                  <p>{p.body}</p>
                </figure>
              </>
            )
          }
        </RequestView>
        {failure !== null && (
          <p role="alert" className="notice notice-error">
            {errorText(failure, locale)}
          </p>
        )}
        <div className="conflict-actions">
          <button type="button" onClick={onClose}>
            {t(sent ? "dismiss" : "cancel")}
          </button>
          {!sent &&
            preview.state.kind === "ready" &&
            preview.state.data.agencies > 0 &&
            preview.state.data.recipients > 0 && (
              <button
                type="button"
                className="primary"
                disabled={sending}
                onClick={() => void send()}
              >
                {t("chaseSend", { recipients: preview.state.data.recipients })}
              </button>
            )}
        </div>
      </div>
    </div>
  );
}
