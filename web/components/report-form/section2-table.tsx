import { readFigure, type FigureKey } from "../../../worker/report/figures";
import {
  section2Rows,
  type Section2Column,
  type Section2RowDef,
} from "../../../worker/report/templates";
import { useI18n } from "../../i18n";
import { FigureCell, labelIn, type ReportTableProps } from "./figure-cell";
import { TableScroll } from "./table-scroll";

interface Item {
  item: string;
  itemEn: string;
  columns: readonly Omit<Section2Column, "key">[];
  rows: { def: Section2RowDef; index: number }[];
}

/** Consecutive rows disclosing the same item of Art. 20 share a heading and column labels. */
function itemsOf(rows: readonly Section2RowDef[]): Item[] {
  const items: Item[] = [];
  rows.forEach((def, index) => {
    const last = items[items.length - 1];
    if (last && last.item === def.item) {
      last.rows.push({ def, index });
      return;
    }
    const columns = def.shape === "scalar" ? [def.column] : def.columns;
    items.push({ item: def.item, itemEn: def.itemEn, columns, rows: [{ def, index }] });
  });
  return items;
}

function cellsOf(
  def: Section2RowDef,
): { figure: FigureKey; column: Omit<Section2Column, "key"> }[] {
  if (def.shape === "scalar") {
    return [{ figure: `section2.${def.key}` as FigureKey, column: def.column }];
  }
  return def.columns.map((column) => ({
    figure: `section2.${def.key}.${column.key}` as FigureKey,
    column,
  }));
}

/**
 * Table 二 of the document's template, laid out as printed: each item of Art. 20
 * (第二十条第（一）项 …) is a heading row, then 信息内容 and that item's columns, then its rows.
 * A row with fewer columns than the widest stretches its last cell.
 */
export function Section2Table({ document, marks, readOnly, print }: ReportTableProps) {
  const { t, locale } = useI18n();
  const rows = section2Rows(document.template);
  const width = Math.max(...rows.map((r) => (r.shape === "scalar" ? 1 : r.columns.length)));
  const stretch = (i: number, count: number) => (i === count - 1 ? width - count + 1 : undefined);
  return (
    <TableScroll table={2} label={t("rfSection2Title")} print={print}>
      <table className="report-table report-table-2" data-grid="二">
        <caption>{t("rfSection2Title")}</caption>
        {itemsOf(rows).map((item) => (
          <tbody key={`${item.item}-${item.rows[0]?.index}`}>
            <tr>
              <th colSpan={width + 1} scope="colgroup" className="item-head">
                {t("rfArt20Item", { item: locale === "zh" ? item.item : item.itemEn })}
              </th>
            </tr>
            <tr>
              <th scope="col">{t("rfInfoContent")}</th>
              {item.columns.map((column, i) => (
                <th key={column.label} scope="col" colSpan={stretch(i, item.columns.length)}>
                  {labelIn(column, locale)}
                </th>
              ))}
            </tr>
            {item.rows.map(({ def, index }) => {
              const cells = cellsOf(def);
              const rowName = labelIn(def, locale);
              return (
                <tr key={def.key}>
                  <th scope="row">{rowName}</th>
                  {cells.map(({ figure, column }, col) => (
                    <FigureCell
                      key={figure}
                      figure={figure}
                      value={readFigure(document, figure)}
                      label={t("rfCellName", {
                        table: t("rfTable2"),
                        row: rowName,
                        column: labelIn(column, locale),
                      })}
                      row={index}
                      col={col}
                      colSpan={stretch(col, cells.length)}
                      marks={marks}
                      readOnly={readOnly}
                      print={print}
                    />
                  ))}
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </TableScroll>
  );
}
