/** Moves the focus to a figure's input or text box (`data-figure`), scrolled into view. */
export function focusFigure(key: string, scope?: HTMLElement | null): boolean {
  const cell = (scope ?? document.body).querySelector<HTMLElement>(`[data-figure="${key}"]`);
  if (!cell) return false;
  cell.focus();
  cell.scrollIntoView?.({ block: "center", inline: "nearest" });
  return true;
}
