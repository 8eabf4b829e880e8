import { useEffect, useRef, type KeyboardEvent, type RefObject } from "react";

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * Modal behaviour for a dialog element: the focus moves in when it opens (to `initialFocus`, or
 * the dialog itself), Tab cycles inside it, Escape calls `onEscape`, and the focus returns to
 * where it was when the dialog closes. Spread the returned handler as the dialog's `onKeyDown`.
 */
export function useModal(
  dialogRef: RefObject<HTMLElement | null>,
  options: { onEscape?: () => void; initialFocus?: RefObject<HTMLElement | null> } = {},
): (event: KeyboardEvent<HTMLElement>) => void {
  const onEscape = useRef(options.onEscape);
  useEffect(() => {
    onEscape.current = options.onEscape;
  });
  const initialFocus = options.initialFocus;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (initialFocus?.current ?? dialog).focus();
    const keepFocusInside = (event: FocusEvent) => {
      if (event.target instanceof Node && !dialog.contains(event.target)) dialog.focus();
    };
    document.addEventListener("focusin", keepFocusInside);
    return () => {
      document.removeEventListener("focusin", keepFocusInside);
      if (previous?.isConnected) previous.focus();
    };
  }, [dialogRef, initialFocus]);

  return (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onEscape.current?.();
      return;
    }
    const dialog = dialogRef.current;
    if (event.key !== "Tab" || !dialog) return;
    const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialog)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };
}
