/**
 * What made a save, when it was not typing: the form's import from a published report's text,
 * and the undo of that import. A plain edit records none. The history names each revision by it.
 */
export const REVISION_SOURCES = ["import", "import_undo"] as const;

export type RevisionSource = (typeof REVISION_SOURCES)[number];
