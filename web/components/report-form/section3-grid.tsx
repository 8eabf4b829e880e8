import type { ReactNode } from "react";
import { section3Variant } from "../../../worker/report/document";
import type { FigureKey } from "../../../worker/report/figures";
import {
  SECTION3_COLUMNS,
  section3Row,
  section3RowKeys,
  type Section3RowDef,
  type Section3RowGroup,
} from "../../../worker/report/templates";
import { useI18n, type Locale } from "../../i18n";
import { FigureCell, labelIn, type ReportTableProps } from "./figure-cell";
import { TableScroll } from "./table-scroll";

const APPLICANT_GROUP = SECTION3_COLUMNS[1];

/** The heading a row sits under at the table's left edge (三、本年度办理结果), if any. */
function topGroup(def: Section3RowDef | undefined): Section3RowGroup | undefined {
  return def?.group?.parent ?? def?.group;
}

/** The second-level heading ((三)不予公开 …), only for rows numbered 1., 2., … under it. */
function subGroup(def: Section3RowDef | undefined): Section3RowGroup | undefined {
  return def?.group?.parent ? def.group : undefined;
}

/**
 * The merged label cells of one row, as printed: 三、本年度办理结果 spans all its rows, each
 * （三）…（六） heading spans its numbered rows, and a row with no heading spans all three label
 * columns. `label-1` … `label-3` say which label column a cell starts in, for its sticky offset.
 */
function labelCells(defs: readonly Section3RowDef[], r: number, locale: Locale): ReactNode[] {
  const def = defs[r];
  if (!def) return [];
  const previous = defs[r - 1];
  const top = topGroup(def);
  const sub = subGroup(def);
  const span = (group: Section3RowGroup, of: typeof topGroup) =>
    defs.filter((d) => of(d)?.key === group.key).length;
  const cells: ReactNode[] = [];
  if (top && topGroup(previous)?.key !== top.key) {
    cells.push(
      <th key="top" scope="rowgroup" className="label-1" rowSpan={span(top, topGroup)}>
        {labelIn(top, locale)}
      </th>,
    );
  }
  if (sub && subGroup(previous)?.key !== sub.key) {
    cells.push(
      <th key="sub" scope="rowgroup" className="label-2" rowSpan={span(sub, subGroup)}>
        {labelIn(sub, locale)}
      </th>,
    );
  }
  const columns = top ? (sub ? 1 : 2) : 3;
  cells.push(
    <th key="row" scope="row" className={`label-${4 - columns}`} colSpan={columns}>
      {labelIn(def, locale)}
    </th>,
  );
  return cells;
}

/** How a cell names its row: with its numbered heading, （三）不予公开 1.属于国家秘密. */
function rowName(def: Section3RowDef, locale: Locale): string {
  const sub = subGroup(def);
  return sub ? `${labelIn(sub, locale)} ${labelIn(def, locale)}` : labelIn(def, locale);
}

/**
 * Table 三 as printed: 25 rows × 7 columns (23 rows when （六）其他处理 is a single row), under a
 * header of 申请人情况 → 自然人 | 法人或其他组织 (five columns) | 总计, with the printed corner
 * formula in the top-left.
 */
export function Section3Grid({ document, marks, readOnly, print }: ReportTableProps) {
  const { t, locale } = useI18n();
  const defs = section3RowKeys(section3Variant(document)).map(section3Row);
  const organisations = SECTION3_COLUMNS.filter((c) => "group" in c);
  const rows = document.section3?.rows;
  return (
    <TableScroll table={3} label={t("rfSection3Title")} print={print}>
      <table className="report-table report-table-3" data-grid="三">
        <caption>{t("rfSection3Title")}</caption>
        <thead>
          <tr>
            <td className="corner label-1" rowSpan={3} colSpan={3}>
              {t("rfCornerNote")}
            </td>
            <th scope="colgroup" colSpan={SECTION3_COLUMNS.length}>
              {t("rfApplicants")}
            </th>
          </tr>
          <tr>
            <th scope="col" rowSpan={2}>
              {labelIn(SECTION3_COLUMNS[0], locale)}
            </th>
            <th scope="colgroup" colSpan={organisations.length}>
              {locale === "zh" ? APPLICANT_GROUP.group : APPLICANT_GROUP.groupEn}
            </th>
            <th scope="col" rowSpan={2}>
              {labelIn(SECTION3_COLUMNS[6], locale)}
            </th>
          </tr>
          <tr>
            {organisations.map((column) => (
              <th key={column.key} scope="col">
                {labelIn(column, locale)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {defs.map((def, r) => {
            const cells = rows?.[def.key as keyof typeof rows];
            const name = rowName(def, locale);
            return (
              <tr key={def.key}>
                {labelCells(defs, r, locale)}
                {SECTION3_COLUMNS.map((column, c) => {
                  const figure = `section3.${def.key}.${column.key}` as FigureKey;
                  return (
                    <FigureCell
                      key={column.key}
                      figure={figure}
                      value={cells?.[c] ?? null}
                      label={t("rfCellName", {
                        table: t("rfTable3"),
                        row: name,
                        column: labelIn(column, locale),
                      })}
                      row={r}
                      col={c}
                      marks={marks}
                      readOnly={readOnly}
                      print={print}
                    />
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
