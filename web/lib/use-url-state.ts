import { useCallback, useEffect, useState } from "react";

/** The view state lives in the query string, so a link reproduces what the reader sees. */
export function useUrlState() {
  const [params, setParamsState] = useState(() => new URLSearchParams(window.location.search));
  useEffect(() => {
    const onPop = () => setParamsState(new URLSearchParams(window.location.search));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const setParams = useCallback((patch: Record<string, string | null>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    const search = next.toString();
    if (search === window.location.search.replace(/^\?/, "")) return;
    window.history.pushState(null, "", search ? `?${search}` : window.location.pathname);
    setParamsState(next);
  }, []);
  return [params, setParams] as const;
}

type SetParams = ReturnType<typeof useUrlState>[1];

/** A paged list's `offset` in the query string: a whole number, 0 when absent or invalid. */
export const urlOffset = (params: URLSearchParams) =>
  Math.max(0, Math.trunc(Number(params.get("offset"))) || 0);

/** The query-string patch for a page: the first page leaves `offset` out of the URL. */
export const offsetParam = (offset: number) => ({ offset: offset > 0 ? String(offset) : null });

/**
 * A text filter in the query string, written once typing pauses; a new filter starts again at the
 * first page. The box keeps what the reader types while the URL catches up.
 */
export function useTypedParam(key: string, setParams: SetParams) {
  const [text, setText] = useState(
    () => new URLSearchParams(window.location.search).get(key) ?? "",
  );
  useEffect(() => {
    const timer = setTimeout(() => {
      const current = new URLSearchParams(window.location.search).get(key) ?? "";
      if (text.trim() !== current) setParams({ [key]: text.trim() || null, offset: null });
    }, 300);
    return () => clearTimeout(timer);
  }, [key, text, setParams]);
  return [text, setText] as const;
}
