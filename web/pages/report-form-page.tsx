import { lazy, Suspense, useMemo, useState } from "react";
import type { CheckContext } from "../../worker/report/rules";
import { ConflictDialog } from "../components/conflict-dialog";
import { Field } from "../components/field";
import { ImportUndoBar } from "../components/import-undo-bar";
import { Link } from "../components/link";
import { ReportForm, useFindings } from "../components/report-form/report-form";
import { ReturnNotice } from "../components/report-form/return-notice";
import { RequestView } from "../components/request-view";
import { SaveStatus } from "../components/save-status";
import { StatusBadge } from "../components/status-badge";
import { SubmitForm } from "../components/submit-form";
import { useI18n } from "../i18n";
import {
  blankDocument,
  carryOverDiffers,
  carryOverNote,
  loadFormData,
  withCarryOverNote,
  type FormData,
} from "../lib/report-form-data";
import { reviewComments } from "../lib/review-comments";
import { navigate, reportPath } from "../lib/router";
import { useSession } from "../lib/session";
import { useDraftSync } from "../lib/use-draft-sync";
import { useUndoableImport } from "../lib/use-undoable-import";
import { useRequest } from "../lib/use-request";

interface Props {
  agencyId: number;
  year: number;
}

// The importer (parser, and pdf.js for PDFs) loads only when the dialog opens.
const ImportDialog = lazy(() =>
  import("../components/import-dialog").then((m) => ({ default: m.ImportDialog })),
);

/** `/reports/:agencyId/:year/edit`: the official tables, checked as they are typed, saved as drafts. */
export function ReportFormPage({ agencyId, year }: Props) {
  const { user, status } = useSession();
  const data = useRequest(() => loadFormData(agencyId, year), [agencyId, year, user?.id]);
  if (status === "loading") return null;
  return (
    <main className="page report-form-page">
      <RequestView state={data.state} retry={data.retry}>
        {(loaded) => <Editor agencyId={agencyId} year={year} data={loaded} reload={data.refresh} />}
      </RequestView>
    </main>
  );
}

function Editor({ agencyId, year, data, reload }: Props & { data: FormData; reload: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const report = data.detail?.report ?? null;
  const [reason, setReason] = useState("");
  const correcting = report?.published ?? false;
  const draft = useDraftSync({
    agencyId,
    year,
    initial: data.detail
      ? { document: data.detail.document, revision: data.detail.revision.number }
      : null,
    note: correcting ? reason : undefined,
  });
  const blank = useMemo(() => blankDocument(year, data.previous), [year, data.previous]);
  const document = draft.document ?? blank;
  const context = useMemo<CheckContext>(
    () => ({
      previous: data.previous ?? undefined,
      agency: { level: data.agency.level, kind: data.agency.kind, name: data.agency.name },
    }),
    [data.previous, data.agency],
  );
  const findings = useFindings(document, context);
  const returned = report?.status === "returned" ? data.returned : null;
  const comments = useMemo(
    () => (returned ? reviewComments(returned.review, returned.document, document) : []),
    [returned, document],
  );
  const openComments = useMemo(() => comments.filter((c) => !c.resolved), [comments]);
  const imports = useUndoableImport(draft.setDocument);
  const [importing, setImporting] = useState(false);
  const mayWrite =
    user !== null &&
    (user.role === "admin" || (user.role === "submitter" && user.agency_id === agencyId));
  const locked = report?.status === "submitted";
  const readOnly = !mayWrite || locked;
  const canSubmit =
    mayWrite &&
    draft.status === "saved" &&
    draft.revision > 0 &&
    (report === null || report.status === "draft" || report.status === "returned");

  return (
    <>
      <p className="breadcrumbs no-print">
        <Link to={reportPath(agencyId, year)}>{t("rfBackToReport")}</Link>
        <Link to={`${reportPath(agencyId, year)}/history`}>{t("rfHistory")}</Link>
        <Link to={`${reportPath(agencyId, year)}/print`}>{t("rfPrint")}</Link>
      </p>
      <header className="report-head">
        <h2>
          {data.agency.name} · {t("rfReportOfYear", { year })}
        </h2>
        {report && <StatusBadge status={report.status} late={report.late} />}
        <SaveStatus status={draft.status} lastSavedAt={draft.lastSavedAt} error={draft.error} />
      </header>
      {locked && <p className="notice">{t("rfLocked")}</p>}
      {returned && <ReturnNotice review={returned.review} comments={comments} />}
      {!mayWrite && <p className="notice">{t("rfReadOnly")}</p>}
      {correcting && mayWrite && !locked && (
        <Field label={t("correctionReason")} hint={t("rfCorrectionHint")}>
          {(control) => (
            <input
              {...control}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </Field>
      )}
      {data.previous && carryOverDiffers(document, data.previous) && !readOnly && (
        <Field label={t("rfCarryOverNote")} hint={t("rfCarryOverHint")}>
          {(control) => (
            <input
              {...control}
              value={carryOverNote(document)}
              onChange={(event) =>
                draft.setDocument(withCarryOverNote(document, event.target.value))
              }
            />
          )}
        </Field>
      )}
      {!readOnly && (
        <p className="no-print">
          <button type="button" onClick={() => setImporting(true)}>
            {t("importOpen")}
          </button>
        </p>
      )}
      {imports.canUndo && <ImportUndoBar onUndo={imports.undo} onDismiss={imports.dismiss} />}
      {importing && (
        <Suspense fallback={<p>{t("loading")}</p>}>
          <ImportDialog
            year={year}
            agency={data.agency.name}
            current={document}
            onClose={() => setImporting(false)}
            onImport={(next) => {
              imports.apply(next, document);
              setImporting(false);
            }}
          />
        </Suspense>
      )}
      <ReportForm
        document={document}
        onChange={draft.setDocument}
        context={context}
        readOnly={readOnly}
        comments={openComments}
      />
      {canSubmit && (
        <SubmitForm
          revision={draft.revision}
          findings={findings}
          agencyId={agencyId}
          year={year}
          onDone={(step) => {
            if (step === "submit") navigate(reportPath(agencyId, year));
            else reload();
          }}
        />
      )}
      {draft.conflict && (
        <ConflictDialog
          conflict={draft.conflict}
          onResolve={(merged) => void draft.resolve(merged)}
        />
      )}
    </>
  );
}
