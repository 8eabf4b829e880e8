/**
 * The ruling lines a PDF page draws (table borders), read from pdf.js's operator list: thin filled
 * rectangles (how Chromium and most office suites draw a border) and straight stroked lines or
 * rectangles, in PDF user space like the text items. Pure: pdf.js's `OPS` codes are passed in.
 */

/** An axis-aligned segment: horizontal when `y1 === y2`, vertical when `x1 === x2`. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The operator codes read here: pdf.js's `OPS` has them all. */
export interface PdfJsOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  fill: number;
  eoFill: number;
  stroke: number;
  closeStroke: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** What this module reads of `page.getOperatorList()`. */
export interface PdfJsOperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

type Matrix = readonly [number, number, number, number, number, number];
type Point = readonly [number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** A filled rectangle no thicker than this is a rule (PDF units; a 1 px border is 0.75). */
const MAX_RULE_THICKNESS = 3;
/** Shorter segments are ticks, dots or glyph parts, not borders. */
const MIN_RULE_LENGTH = 4;
/** Coordinates closer than this are the same (PDF units). */
const EPSILON = 0.5;

// pdf.js's DrawOPS (not exported): the codes of a path in `constructPath`'s buffer.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, [x, y]: Point): Point {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function asMatrix(value: unknown): Matrix | null {
  if (!value || typeof value !== "object" || !("length" in value)) return null;
  const list = Array.from(value as ArrayLike<unknown>);
  if (list.length !== 6 || !list.every((n) => typeof n === "number" && Number.isFinite(n))) {
    return null;
  }
  return list as unknown as Matrix;
}

/** The subpaths of a path buffer, each as its points; curves make a subpath unusable (null). */
function subpaths(path: ArrayLike<number>): (Point[] | null)[] {
  const out: (Point[] | null)[] = [];
  let current: Point[] | null = null;
  for (let i = 0; i < path.length;) {
    const op = path[i++];
    if (op === MOVE_TO) {
      current = [[path[i++]!, path[i++]!]];
      out.push(current);
    } else if (op === LINE_TO) {
      const point: Point = [path[i++]!, path[i++]!];
      if (current) current.push(point);
    } else if (op === CURVE_TO || op === QUADRATIC_CURVE_TO) {
      i += op === CURVE_TO ? 6 : 4;
      if (current) out[out.length - 1] = current = null;
    } else if (op === CLOSE_PATH) {
      if (current?.[0]) current.push(current[0]);
    } else {
      return [];
    }
  }
  return out;
}

function segment([ax, ay]: Point, [bx, by]: Point): Rule | null {
  const horizontal = Math.abs(ay - by) < EPSILON;
  const vertical = Math.abs(ax - bx) < EPSILON;
  if (horizontal === vertical) return null;
  const rule = horizontal
    ? { x1: Math.min(ax, bx), y1: (ay + by) / 2, x2: Math.max(ax, bx), y2: (ay + by) / 2 }
    : { x1: (ax + bx) / 2, y1: Math.min(ay, by), x2: (ax + bx) / 2, y2: Math.max(ay, by) };
  return rule.x2 - rule.x1 + (rule.y2 - rule.y1) >= MIN_RULE_LENGTH ? rule : null;
}

/** A filled shape's rule: a thin axis-aligned rectangle, as its centre line. */
function filledRule(points: readonly Point[]): Rule | null {
  if (points.length < 4 || points.length > 5) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const axisAligned = points.every(
    (p) =>
      (Math.abs(p[0] - x1) < EPSILON || Math.abs(p[0] - x2) < EPSILON) &&
      (Math.abs(p[1] - y1) < EPSILON || Math.abs(p[1] - y2) < EPSILON),
  );
  if (!axisAligned) return null;
  const width = x2 - x1;
  const height = y2 - y1;
  if (Math.min(width, height) > MAX_RULE_THICKNESS) return null;
  if (Math.max(width, height) < MIN_RULE_LENGTH) return null;
  return width >= height
    ? { x1, y1: (y1 + y2) / 2, x2, y2: (y1 + y2) / 2 }
    : { x1: (x1 + x2) / 2, y1, x2: (x1 + x2) / 2, y2 };
}

/** A stroked shape's rules: each straight axis-aligned side. */
function strokedRules(points: readonly Point[]): Rule[] {
  const out: Rule[] = [];
  for (let i = 1; i < points.length; i += 1) {
    const rule = segment(points[i - 1]!, points[i]!);
    if (rule) out.push(rule);
  }
  return out;
}

/**
 * The page's ruling lines in PDF user space.
 *
 * @example
 * ruleSegments(await page.getOperatorList(), pdfjs.OPS)
 * // [{ x1: 72, y1: 700, x2: 520, y2: 700 }, { x1: 72, y1: 640, x2: 72, y2: 700 }, …]
 */
export function ruleSegments(list: PdfJsOperatorList, ops: PdfJsOps): Rule[] {
  const filling = new Set([ops.fill, ops.eoFill]);
  const stroking = new Set([
    ops.stroke,
    ops.closeStroke,
    ops.fillStroke,
    ops.eoFillStroke,
    ops.closeFillStroke,
    ops.closeEOFillStroke,
  ]);
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const rules: Rule[] = [];
  for (let i = 0; i < list.fnArray.length; i += 1) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i];
    if (fn === ops.save) {
      stack.push(ctm);
    } else if (fn === ops.restore) {
      ctm = stack.pop() ?? IDENTITY;
    } else if (fn === ops.transform) {
      const m = asMatrix(args);
      if (m) ctm = multiply(ctm, m);
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = Array.isArray(args) ? asMatrix(args[0]) : null;
      if (m) ctm = multiply(ctm, m);
    } else if (fn === ops.paintFormXObjectEnd) {
      ctm = stack.pop() ?? IDENTITY;
    } else if (fn === ops.constructPath && Array.isArray(args)) {
      const [paint, data] = args as [unknown, unknown];
      const path = Array.isArray(data) ? (data[0] as unknown) : null;
      if (!path || typeof path !== "object" || !("length" in path)) continue;
      const fill = filling.has(paint as number);
      const stroke = stroking.has(paint as number);
      if (!fill && !stroke) continue;
      for (const points of subpaths(path as ArrayLike<number>)) {
        if (!points) continue;
        const placed = points.map((p) => apply(ctm, p));
        if (stroke) rules.push(...strokedRules(placed));
        else {
          const rule = filledRule(placed);
          if (rule) rules.push(rule);
        }
      }
    }
  }
  return rules;
}
