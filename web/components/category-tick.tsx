import { fitLabel } from "../lib/chart-label";

interface Props {
  x?: number | string;
  y?: number | string;
  payload?: { value?: string | number };
  /** The axis width in pixels the label must fit in. */
  axisWidth: number;
  fontSize: number;
}

/** A category tick of a horizontal bar chart: the name cut to the axis, the full name as title. */
export function CategoryTick({ x = 0, y = 0, payload, axisWidth, fontSize }: Props) {
  const full = String(payload?.value ?? "");
  return (
    <g transform={`translate(${Number(x)},${Number(y)})`}>
      <title>{full}</title>
      <text
        x={-4}
        y={0}
        dy="0.35em"
        textAnchor="end"
        fontSize={fontSize}
        fill="currentColor"
        className="category-tick"
      >
        {fitLabel(full, (axisWidth - 8) / fontSize)}
      </text>
    </g>
  );
}
