import { useCallback, useEffect, useState } from "react";

export type RequestState<T> =
  { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; data: T };

/** Runs `load` whenever `deps` change; stale answers from superseded requests are dropped. */
export function useRequest<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<RequestState<T>>({ kind: "loading" });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ kind: "loading" });
    load().then(
      (data) => live && setState({ kind: "ready", data }),
      (error: Error) => live && setState({ kind: "error", message: error.message }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
