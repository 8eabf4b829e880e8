import type { ReactNode } from "react";

interface Props {
  /** What the table holds, for those who reach the scrolling box by keyboard or reader. */
  label: string;
  children: ReactNode;
}

/**
 * A wide table's box, scrolling sideways on a narrow screen instead of widening the page; being
 * focusable, it scrolls by keyboard too.
 */
export function ScrollTable({ label, children }: Props) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
