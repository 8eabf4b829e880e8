/**
 * Spreadsheet keys and pasting for the report's tables. A table is any element with `data-grid`;
 * its cells are the inputs inside it with `data-row` and `data-col` (indices in the table's own
 * grid, not DOM positions: the printed tables merge their label cells with rowSpan).
 */

import type { KeyboardEvent } from "react";

type Move = "up" | "down" | "left" | "right";

function position(input: HTMLInputElement): { row: number; col: number } {
  return { row: Number(input.dataset.row), col: Number(input.dataset.col) };
}

function gridOf(input: HTMLElement): HTMLElement | null {
  return input.closest<HTMLElement>("[data-grid]");
}

function rowCells(grid: HTMLElement, row: number): HTMLInputElement[] {
  return [...grid.querySelectorAll<HTMLInputElement>(`input[data-row="${row}"][data-col]`)];
}

/** The input at a grid position, or null outside the table. */
function cellAt(grid: HTMLElement, row: number, col: number): HTMLInputElement | null {
  return grid.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`);
}

/** The neighbouring cell; moving up or down into a shorter row lands on its last cell. */
function neighbour(input: HTMLInputElement, move: Move): HTMLInputElement | null {
  const grid = gridOf(input);
  if (!grid) return null;
  const { row, col } = position(input);
  if (move === "left") return cellAt(grid, row, col - 1);
  if (move === "right") return cellAt(grid, row, col + 1);
  const cells = rowCells(grid, move === "up" ? row - 1 : row + 1);
  if (cells.length === 0) return null;
  return cells.find((c) => position(c).col === col) ?? cells[cells.length - 1] ?? null;
}

function caretAt(input: HTMLInputElement, edge: "start" | "end"): boolean {
  const { selectionStart, selectionEnd, value } = input;
  if (selectionStart === null || selectionStart !== selectionEnd) return false;
  return edge === "start" ? selectionStart === 0 : selectionStart === value.length;
}

function moveFor(event: KeyboardEvent<HTMLInputElement>, justFocused: boolean): Move | null {
  const input = event.currentTarget;
  switch (event.key) {
    case "ArrowUp":
      return "up";
    case "ArrowDown":
      return "down";
    case "Enter":
      return event.shiftKey ? "up" : "down";
    case "ArrowLeft":
      return justFocused || caretAt(input, "start") ? "left" : null;
    case "ArrowRight":
      return justFocused || caretAt(input, "end") ? "right" : null;
    default:
      return null;
  }
}

/**
 * Arrow keys move between cells of the same table (left and right only when the caret is at the
 * text's edge or the cell was just focused, so that they still move the caret while editing);
 * Enter moves down, Shift+Enter up. Tab is left to the browser. Returns whether it moved.
 */
export function handleGridKey(
  event: KeyboardEvent<HTMLInputElement>,
  justFocused: boolean,
): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return false;
  if (event.shiftKey && event.key !== "Enter") return false;
  const move = moveFor(event, justFocused);
  if (!move) return false;
  // Enter never submits a surrounding form, even at the table's edge.
  if (event.key === "Enter") event.preventDefault();
  const target = neighbour(event.currentTarget, move);
  if (!target) return false;
  event.preventDefault();
  target.focus();
  return true;
}

/**
 * A block copied from Excel or WPS: lines of tab-separated values, `\r\n` or `\n`, usually with a
 * trailing newline (dropped). A value Excel quoted ("1,234") is unquoted.
 */
export function parseBlock(text: string): string[][] {
  const lines = text.split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => line.split("\t").map((v) => v.replace(/^"(.*)"$/s, "$1")));
}

/** Whether pasted text is a block of several cells rather than one value. */
export function isBlock(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/(\r\n|\n|\r)+$/, ""));
}

interface PasteTarget {
  figure: string;
  text: string;
}

export interface PastePlan {
  targets: PasteTarget[];
  /** Values that fell beyond the table's last row or a row's last column. */
  ignored: number;
}

/** Where each value of a pasted block goes, the block's top-left corner being `start`. */
export function planPaste(start: HTMLInputElement, text: string): PastePlan {
  const grid = gridOf(start);
  const { row, col } = position(start);
  const plan: PastePlan = { targets: [], ignored: 0 };
  parseBlock(text).forEach((values, i) => {
    values.forEach((value, j) => {
      const input = grid ? cellAt(grid, row + i, col + j) : null;
      const figure = input?.dataset.figure;
      if (figure && !input.readOnly) plan.targets.push({ figure, text: value });
      else plan.ignored += 1;
    });
  });
  return plan;
}
