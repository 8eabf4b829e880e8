import { z } from "zod";

/** The values answers are made of, each described once. */
export const count = z.int().nonnegative();
export const rowId = z.int().positive();
export const year = z.int().min(1990).max(2100);
export const instant = z.iso.datetime().meta({ description: "ISO 8601, UTC" });
/** A figure: null where the report (or every report summed) left it blank. */
export const figureValue = z.number().nullable();
