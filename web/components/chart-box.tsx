import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

interface Props {
  /** A fixed size (tests: jsdom has no layout); otherwise the chart fills the box's width. */
  size?: { width: number; height: number };
  height: number;
  /** A recharts chart, drawn with `accessibilityLayer={false}` (see below). */
  children: ReactElement;
}

/**
 * A chart hidden from screen readers, which read the data table beside it instead. Its chart must
 * turn recharts' keyboard layer off: a focusable chart inside a hidden box would take the focus
 * to something no reader announces.
 */
export function ChartBox({ size, height, children }: Props) {
  return (
    <div className="chart-box" aria-hidden="true">
      {size ? (
        children
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          {children}
        </ResponsiveContainer>
      )}
    </div>
  );
}
