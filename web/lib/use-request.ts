import { useCallback, useEffect, useRef, useState } from "react";

export type RequestState<T> =
  | { kind: "loading" }
  | { kind: "error"; message: string; error: unknown }
  | { kind: "ready"; data: T };

/**
 * Runs `load` whenever `deps` change; stale answers from superseded requests are dropped.
 * `retry` starts over from the loading state; `refresh` keeps showing the loaded data until the
 * new answer arrives, so what the reader is looking at (and any state below it) survives.
 */
export function useRequest<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<RequestState<T>>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  const quiet = useRef(false);
  useEffect(() => {
    let live = true;
    const keep = quiet.current;
    quiet.current = false;
    setState((previous) => (keep && previous.kind === "ready" ? previous : { kind: "loading" }));
    load().then(
      (data) => live && setState({ kind: "ready", data }),
      (error: Error) => live && setState({ kind: "error", message: error.message, error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const refresh = useCallback(() => {
    quiet.current = true;
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry, refresh };
}
