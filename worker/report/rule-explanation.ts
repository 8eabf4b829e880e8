/**
 * Why a report may break a hard rule: what an agency sends with its submission for each failing
 * rule (optionally pointing at a cell), kept with the review event and shown beside the finding.
 */
export interface RuleExplanation {
  rule: string;
  table?: string | null;
  row?: string | null;
  column?: string | null;
  text: string;
}
