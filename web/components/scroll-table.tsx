import type { ReactNode } from "react";
import { useI18n } from "../i18n";

interface Props {
  /** What the table holds, for those who reach the scrolling box by keyboard or reader. */
  label: string;
  children: ReactNode;
}

/**
 * A wide table's box, scrolling sideways on a narrow screen instead of widening the page; being
 * focusable, it scrolls by keyboard too. Its name says it is the table, so that it is not taken
 * for the section of the same title around it.
 */
export function ScrollTable({ label, children }: Props) {
  const { t } = useI18n();
  return (
    <div
      className="table-wrap"
      role="region"
      aria-label={t("scrollTableLabel", { name: label })}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
