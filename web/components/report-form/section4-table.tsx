import type { FigureKey } from "../../../worker/report/figures";
import {
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
  section4GroupFullLabel,
} from "../../../worker/report/templates";
import { useI18n } from "../../i18n";
import { FigureCell, labelIn, type ReportTableProps } from "./figure-cell";
import { TableScroll } from "./table-scroll";

const LITIGATION = SECTION4_GROUPS.filter((g) => "parent" in g);
const LITIGATION_PARENT = LITIGATION[0]?.parent;
const WIDTH = SECTION4_COLUMNS.length;

/**
 * Table 四 as printed: one row of 15 numbers under 行政复议 | 行政诉讼 (未经复议直接起诉 /
 * 复议后起诉), each group with 结果维持 结果纠正 其他结果 尚未审结 总计.
 */
export function Section4Table({ document, marks, readOnly, print }: ReportTableProps) {
  const { t, locale } = useI18n();
  const section4 = document.section4;
  return (
    <TableScroll table={4} label={t("rfSection4Title")} print={print}>
      <table className="report-table report-table-4" data-grid="四">
        <caption>{t("rfSection4Title")}</caption>
        <thead>
          <tr>
            {SECTION4_GROUPS.filter((g) => !("parent" in g)).map((group) => (
              <th key={group.key} scope="colgroup" colSpan={WIDTH} rowSpan={2}>
                {labelIn(group, locale)}
              </th>
            ))}
            {LITIGATION_PARENT && (
              <th scope="colgroup" colSpan={WIDTH * LITIGATION.length}>
                {labelIn(LITIGATION_PARENT, locale)}
              </th>
            )}
          </tr>
          <tr>
            {LITIGATION.map((group) => (
              <th key={group.key} scope="colgroup" colSpan={WIDTH}>
                {labelIn(group, locale)}
              </th>
            ))}
          </tr>
          <tr>
            {SECTION4_GROUPS.flatMap((group) =>
              SECTION4_COLUMNS.map((column) => (
                <th key={`${group.key}.${column.key}`} scope="col">
                  {labelIn(column, locale)}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          <tr>
            {SECTION4_GROUPS.flatMap((group, g) => {
              const groupName = labelIn(section4GroupFullLabel(group.key), locale);
              return SECTION4_COLUMNS.map((column, c) => {
                const figure = `section4.${group.key}.${column.key}` as FigureKey;
                return (
                  <FigureCell
                    key={figure}
                    figure={figure}
                    value={section4?.[group.key][c] ?? null}
                    label={t("rfCellName", {
                      table: t("rfTable4"),
                      row: groupName,
                      column: labelIn(column, locale),
                    })}
                    row={0}
                    col={g * WIDTH + c}
                    marks={marks}
                    readOnly={readOnly}
                    print={print}
                  />
                );
              });
            })}
          </tr>
        </tbody>
      </table>
    </TableScroll>
  );
}
