/**
 * A returned report's review, as the form shows it: the reviewer's message and comments, each
 * comment open until the cell (or text section) it is on differs from the returned revision.
 */

import type { ReportDocument } from "../../worker/report/document";
import { isFigureKey, readFigure } from "../../worker/report/figures";
import type { ReviewEntry } from "./api-types";

export interface ReviewComment {
  path: string;
  text: string;
  /** The submitter has changed what the comment is on since the report was returned. */
  resolved: boolean;
}

export interface ReturnedReview {
  message: string | null;
  actorName: string;
  at: string;
  /** The revision the reviewer returned: what the comments were written about. */
  revision: number;
  comments: { path: string; text: string }[];
}

/** The newest return in a review trail, if the trail ends on one. */
export function lastReturn(events: readonly ReviewEntry[]): ReviewEntry | null {
  const last = events.at(-1);
  return last?.action === "return" ? last : null;
}

type TextKey = keyof NonNullable<ReportDocument["text"]>;

/** The value a comment's path names: a figure, or the text of a narrative section. */
function valueAt(doc: ReportDocument, path: string): number | string | null {
  if (isFigureKey(path)) return readFigure(doc, path);
  if (path.startsWith("text.")) return doc.text?.[path.slice(5) as TextKey] ?? null;
  return null;
}

/** The review's comments against the document being edited. */
export function reviewComments(
  review: ReturnedReview,
  returned: ReportDocument,
  current: ReportDocument,
): ReviewComment[] {
  return review.comments.map(({ path, text }) => ({
    path,
    text,
    resolved: (valueAt(returned, path) ?? null) !== (valueAt(current, path) ?? null),
  }));
}
