import type { ReactNode } from "react";
import "../../styles/report-tables.css";

interface Props {
  /** Which table: 2 for 二, 3 for 三, 4 for 四. */
  table: 2 | 3 | 4;
  /** The table's title, naming the scroll box for keyboard and screen-reader users. */
  label: string;
  /** The print view's tables hold no inputs, so the box itself takes the focus to scroll by keys. */
  print?: boolean;
  children: ReactNode;
}

/**
 * The box a report table scrolls in when it is wider (or, for table 三 in the form, taller) than
 * the page gives it: the page itself never scrolls sideways, and the table's sticky header and
 * label column stay in view inside the box.
 */
export function TableScroll({ table, label, print, children }: Props) {
  return (
    <div
      className={`table-scroll table-scroll-${table}`}
      {...(print ? { tabIndex: 0, role: "region", "aria-label": label } : {})}
    >
      {children}
    </div>
  );
}
