import { cloneElement, type ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

interface Props {
  /** A fixed size (tests: jsdom has no layout); otherwise the chart fills the box's width. */
  size?: { width: number; height: number };
  height: number;
  /** A recharts chart. */
  children: ReactElement<{ accessibilityLayer?: boolean }>;
}

/**
 * A chart hidden from screen readers, which read the data table beside it instead. The chart's
 * own keyboard layer is turned off with it: a focusable chart inside a hidden box would take the
 * focus to something no reader announces.
 */
export function ChartBox({ size, height, children: chart }: Props) {
  const children = cloneElement(chart, { accessibilityLayer: false });
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
