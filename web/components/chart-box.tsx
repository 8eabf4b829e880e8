import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

interface Props {
  /** A fixed size (tests: jsdom has no layout); otherwise the chart fills the box's width. */
  size?: { width: number; height: number };
  height: number;
  children: ReactElement;
}

/** A chart hidden from screen readers, which read the data table beside it instead. */
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
