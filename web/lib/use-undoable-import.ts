import { useCallback, useState } from "react";
import type { ReportDocument } from "../../worker/report/document";
import type { RevisionSource } from "../../worker/report/revision-sources";

export interface UndoableImport {
  /** Puts `next` in the form, remembering `previous` for `undo`. */
  apply: (next: ReportDocument, previous: ReportDocument) => void;
  /** Whether an import can be undone (show `ImportUndoBar`). */
  canUndo: boolean;
  /** Puts the document from before the import back: one more revision, like any edit. */
  undo: () => void;
  /** Forgets the previous document, keeping the import. */
  dismiss: () => void;
}

/**
 * The last import, undoable until dismissed. The import and its undo are each handed to
 * `setDocument` with their source, so the history names them (导入, 撤销导入).
 *
 * @example
 * const imports = useUndoableImport(draft.setDocument);
 * <ImportDialog year={year} current={document} onClose={close}
 *   onImport={(next) => { imports.apply(next, document); close(); }} />
 * {imports.canUndo && <ImportUndoBar onUndo={imports.undo} onDismiss={imports.dismiss} />}
 */
export function useUndoableImport(
  setDocument: (document: ReportDocument, source: RevisionSource) => void,
): UndoableImport {
  const [previous, setPrevious] = useState<ReportDocument | null>(null);
  const apply = useCallback(
    (next: ReportDocument, before: ReportDocument) => {
      setPrevious(before);
      setDocument(next, "import");
    },
    [setDocument],
  );
  const undo = useCallback(() => {
    if (previous) setDocument(previous, "import_undo");
    setPrevious(null);
  }, [previous, setDocument]);
  const dismiss = useCallback(() => setPrevious(null), []);
  return { apply, canUndo: previous !== null, undo, dismiss };
}
