/** What the form says when a typed value cannot be read (`worker/report/format.ts` reads it). */

import type { ParseFailure } from "../../../worker/report/format";
import type { MessageKey } from "../../i18n";

export const FAILURE_MESSAGES: Record<ParseFailure, MessageKey> = {
  not_a_number: "rfInvalidNotANumber",
  negative: "rfInvalidNegative",
  fractional: "rfInvalidFractional",
  too_large: "rfInvalidTooLarge",
  too_many_decimals: "rfInvalidTooManyDecimals",
};
